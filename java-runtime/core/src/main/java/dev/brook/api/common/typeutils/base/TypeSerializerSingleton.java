package dev.brook.api.common.typeutils.base;

import dev.brook.api.common.typeutils.TypeSerializer;

/**
 * Base of serializers that hold no state and no configuration: every instance behaves the same, so
 * {@link #duplicate()} returns {@code this} and all instances of a class are equal (instances
 * arrive through Java serialization of job graphs, so identity cannot be relied on).
 */
public abstract class TypeSerializerSingleton<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializerSingleton<T> duplicate() {
        return this;
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().getName().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }

    /**
     * The exception for a null value given to a serializer that cannot represent null. Called only
     * on the failure path, so it may build a message.
     */
    protected static NullPointerException nullNotSupported(String typeName) {
        return new NullPointerException(
                "Cannot serialize null as "
                        + typeName
                        + ": values of this type must not be null in tuples, keys, lists and"
                        + " arrays. Replace null by a value, or use a Row or a POJO, whose fields"
                        + " may be null.");
    }
}
