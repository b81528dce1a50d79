package dev.brook.api.common.state;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import java.util.Objects;

/**
 * The type of a state whose descriptor was given a serializer instead of type information. It lets
 * the backends compare state types as they do for any descriptor: two such types are equal when
 * their serializers are.
 */
final class SerializerTypeInformation<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> serializer;

    SerializerTypeInformation(TypeSerializer<T> serializer) {
        this.serializer = Objects.requireNonNull(serializer, "state serializer");
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
    @SuppressWarnings("unchecked")
    public Class<T> getTypeClass() {
        return (Class<T>) Object.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer.duplicate();
    }

    @Override
    public String toString() {
        return "SerializerTypeInformation(" + serializer + ")";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof SerializerTypeInformation<?> other
                && other.serializer.equals(serializer);
    }

    @Override
    public int hashCode() {
        return serializer.hashCode();
    }
}
