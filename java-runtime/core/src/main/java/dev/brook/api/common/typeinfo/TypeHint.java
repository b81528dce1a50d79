package dev.brook.api.common.typeinfo;

import dev.brook.api.java.typeutils.TypeExtractor;

/**
 * Captures a generic type that Java erases at runtime, so that type information can be created for
 * it. Used as an anonymous subclass whose type argument is the wanted type:
 *
 * <pre>{@code
 * TypeInformation<Tuple2<String, Long>> info =
 *         TypeInformation.of(new TypeHint<Tuple2<String, Long>>() {});
 * }</pre>
 *
 * <p>The anonymous subclass records its generic superclass in the class file, which is where the
 * type is read from. The type must be fully specified: a type variable such as {@code T} has no
 * value at runtime and is rejected.
 *
 * @param <T> the captured type
 */
public abstract class TypeHint<T> {

    private final TypeInformation<T> typeInfo;

    /**
     * Captures the type argument of the subclass.
     *
     * @throws IllegalArgumentException if the type argument contains type variables
     */
    protected TypeHint() {
        this.typeInfo = TypeExtractor.createTypeInfo(this, TypeHint.class, getClass(), 0);
    }

    /** The type information of the captured type. */
    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TypeHint && typeInfo.equals(((TypeHint<?>) obj).typeInfo);
    }

    @Override
    public int hashCode() {
        return typeInfo.hashCode();
    }

    @Override
    public String toString() {
        return "TypeHint: " + typeInfo;
    }
}
