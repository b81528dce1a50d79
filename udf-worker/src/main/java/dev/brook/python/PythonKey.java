package dev.brook.python;

import java.util.Arrays;
import java.util.Objects;

/**
 * The key of a record of a Python keyed stream, as Java partitions and stores state by it: the
 * key's pickled bytes (for keys without a declared type) or its Java value (for typed keys). Unlike
 * a bare {@code byte[]}, it compares by content and has a hash code that is the same in every JVM,
 * so that all subtasks agree on key groups.
 */
public final class PythonKey {

    private final Object value;
    private final int hash;

    /**
     * @param value the key's pickled bytes ({@code byte[]}) or its typed Java value
     */
    public PythonKey(Object value) {
        this.value = Objects.requireNonNull(value, "Python keys must not be None");
        this.hash = value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value.hashCode();
    }

    /** The key as it travels to the worker: pickled bytes or the typed value. */
    public Object getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PythonKey other) || other.hash != hash) {
            return false;
        }
        return value instanceof byte[] bytes && other.value instanceof byte[] otherBytes
                ? Arrays.equals(bytes, otherBytes)
                : value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return value instanceof byte[] bytes
                ? "PythonKey(" + bytes.length + " pickled bytes)"
                : "PythonKey(" + value + ")";
    }
}
