package dev.brook.runtime.state.heap;

import dev.brook.api.common.functions.ReduceFunction;
import java.util.function.BiFunction;

/**
 * Lets a {@link ReduceFunction}, which may throw checked exceptions, serve as the remapping
 * function of {@link KeyMap#merge}, so that a rolling reduce costs one hash lookup. The function's
 * exception comes out of {@link #merge} unchanged.
 */
final class ReduceMerger<T> implements BiFunction<T, T, T> {

    private final ReduceFunction<T> function;

    ReduceMerger(ReduceFunction<T> function) {
        this.function = function;
    }

    @Override
    public T apply(T current, T added) {
        try {
            return function.reduce(current, added);
        } catch (Exception e) {
            throw new Failure(e);
        }
    }

    /** Stores {@code value} under {@code key}, reduced with what is there; returns the result. */
    <K> T merge(KeyMap<K, T> map, K key, T value) throws Exception {
        try {
            return map.merge(key, value, this);
        } catch (Failure e) {
            throw (Exception) e.getCause();
        }
    }

    /** Carries the reduce function's exception through {@link KeyMap#merge}. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
