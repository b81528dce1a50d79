package dev.brook.api.common.typeinfo;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeutils.TypeSerializer;
import java.io.Serializable;

/**
 * Describes the type of the records of a stream and creates the serializer for it. Obtained from
 * {@link Types}, {@link #of(Class)}, {@link #of(TypeHint)}, or extracted from a function's generic
 * signature.
 */
public abstract class TypeInformation<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract boolean isBasicType();

    public abstract boolean isTupleType();

    /** Number of direct fields (1 for atomic types). */
    public abstract int getArity();

    /** Number of leaf fields, recursively (1 for atomic types). */
    public abstract int getTotalFields();

    public abstract Class<T> getTypeClass();

    /** True if values of this type can be used as keys (stable equals/hashCode). */
    public abstract boolean isKeyType();

    public abstract TypeSerializer<T> createSerializer(SerializerConfig config);

    /** Shorthand for {@code createSerializer(SerializerConfig.DEFAULT)}. */
    public TypeSerializer<T> createSerializer() {
        return createSerializer(SerializerConfig.DEFAULT);
    }

    @Override
    public abstract String toString();

    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();

    /** Type information for a class; generic classes should use {@link #of(TypeHint)}. */
    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        return dev.brook.api.java.typeutils.TypeExtractor.createTypeInfo(typeClass);
    }

    /**
     * Type information captured by a {@link TypeHint}, e.g. {@code new TypeHint<Tuple2<..>>(){}}.
     */
    public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
        return typeHint.getTypeInfo();
    }
}
