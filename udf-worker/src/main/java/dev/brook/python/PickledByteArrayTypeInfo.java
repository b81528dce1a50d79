package dev.brook.python;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.array.BytePrimitiveArraySerializer;

/**
 * Records that are Python objects pickled by the worker: Java only moves their bytes. A type of its
 * own, although stored like {@code byte[]}, so that Java can tell pickled values from raw bytes
 * ({@code PRIMITIVE_ARRAY(BYTE())}) when it describes a stream's type to the worker.
 */
public final class PickledByteArrayTypeInfo extends TypeInformation<byte[]> {

    private static final long serialVersionUID = 1L;

    public static final PickledByteArrayTypeInfo INSTANCE = new PickledByteArrayTypeInfo();

    private PickledByteArrayTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<byte[]> getTypeClass() {
        return byte[].class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<byte[]> createSerializer(SerializerConfig config) {
        return BytePrimitiveArraySerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "PickledByteArrayTypeInfo";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PickledByteArrayTypeInfo;
    }

    @Override
    public int hashCode() {
        return PickledByteArrayTypeInfo.class.hashCode();
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
