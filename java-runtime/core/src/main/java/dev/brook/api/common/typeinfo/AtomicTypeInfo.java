package dev.brook.api.common.typeinfo;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeutils.TypeSerializer;
import java.util.Objects;

/**
 * Shared base of type information for types without fields whose serializer is a stateless
 * singleton (time types, primitive arrays). Two instances are equal if they are of the same class
 * and describe the same Java class.
 */
abstract class AtomicTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> clazz;
    private final TypeSerializer<T> serializer;

    AtomicTypeInfo(Class<T> clazz, TypeSerializer<T> serializer) {
        this.clazz = Objects.requireNonNull(clazz, "clazz");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
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
    public Class<T> getTypeClass() {
        return clazz;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return clazz.getSimpleName();
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null
                && obj.getClass() == getClass()
                && ((AtomicTypeInfo<?>) obj).clazz == clazz;
    }

    @Override
    public int hashCode() {
        return clazz.getName().hashCode();
    }
}
