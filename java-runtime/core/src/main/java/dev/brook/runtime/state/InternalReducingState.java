package dev.brook.runtime.state;

import dev.brook.api.common.state.ReducingState;

/** Reducing state with a combined add-and-read, which the heap backend does in one hash lookup. */
public interface InternalReducingState<T> extends ReducingState<T> {

    /** Adds {@code value} for the current key and returns the new reduced value. */
    T addAndGet(T value) throws Exception;
}
