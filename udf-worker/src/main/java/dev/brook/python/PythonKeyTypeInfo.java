package dev.brook.python;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;

/** The type of {@link PythonKey}s whose values are of {@code keyType} (pickled or typed). */
public final class PythonKeyTypeInfo extends TypeInformation<PythonKey> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<?> keyType;

    public PythonKeyTypeInfo(TypeInformation<?> keyType) {
        this.keyType = keyType;
    }

    /** The type of the key's value: {@link PickledByteArrayTypeInfo} or a typed key's type. */
    public TypeInformation<?> getKeyType() {
        return keyType;
    }

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
    public Class<PythonKey> getTypeClass() {
        return PythonKey.class;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked") // the key's value is written as an Object of keyType's class
    public TypeSerializer<PythonKey> createSerializer(SerializerConfig config) {
        return new PythonKeySerializer((TypeSerializer<Object>) keyType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "PythonKey<" + keyType + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PythonKeyTypeInfo other && other.keyType.equals(keyType);
    }

    @Override
    public int hashCode() {
        return keyType.hashCode() * 31 + 7;
    }
}
