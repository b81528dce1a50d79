package dev.brook.api.java.typeutils;

import dev.brook.api.java.typeutils.runtime.DynamicSerializer;

/**
 * Type information for values whose type is not known before the job runs: the output of a lambda
 * whose return type Java erased, or a type variable that nothing binds. Values are serialized by a
 * {@link DynamicSerializer}, which tags each value with its runtime class, so any value works, at
 * some cost in speed and size compared with a declared type.
 *
 * <p>{@code typeClass} is the most specific class known statically, often {@code Object}. Declaring
 * the type with {@code .returns(...)} replaces this with a precise type.
 */
public final class DynamicTypeInfo<T> extends GenericTypeInfo<T> {

    private static final long serialVersionUID = 1L;

    public DynamicTypeInfo(Class<T> typeClass) {
        super(typeClass);
    }

    /** Dynamic type information of the least specific kind, for values of any class. */
    @SuppressWarnings("unchecked") // Object describes values of any type
    public static <T> DynamicTypeInfo<T> ofAnyClass() {
        return (DynamicTypeInfo<T>) new DynamicTypeInfo<>(Object.class);
    }

    /** True: the runtime value's own {@code equals} and {@code hashCode} decide. */
    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public String toString() {
        return "Dynamic<" + getTypeClass().getName() + ">";
    }
}
