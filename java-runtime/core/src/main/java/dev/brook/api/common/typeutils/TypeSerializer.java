package dev.brook.api.common.typeutils;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns values of one type into bytes and back. Records never travel by Java serialization: every
 * value that crosses a task boundary or enters state goes through a serializer.
 *
 * <p>Serializers are shipped inside the job graph (hence {@link Serializable}) and may be stateful
 * (reuse buffers); {@link #duplicate()} yields an instance safe for another thread. Stateless
 * serializers return {@code this}.
 */
public abstract class TypeSerializer<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** True if values are immutable, so {@link #copy} may return its argument. */
    public abstract boolean isImmutableType();

    /** An instance safe to use from another thread (or {@code this} when stateless). */
    public abstract TypeSerializer<T> duplicate();

    /** A new default instance (for types that have one), or null. */
    public abstract T createInstance();

    /** A deep copy of {@code from}. */
    public abstract T copy(T from);

    /** The fixed serialized length in bytes, or -1 for variable length. */
    public abstract int getLength();

    public abstract void serialize(T record, DataOutputView target) throws IOException;

    public abstract T deserialize(DataInputView source) throws IOException;

    /** Deserializes, possibly into {@code reuse}. The default ignores {@code reuse}. */
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();
}
