package dev.brook.runtime.state.heap;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.runtime.state.InternalReducingState;
import java.util.function.BiFunction;

final class HeapReducingState<K, N, V> extends AbstractHeapState<K, N, V>
        implements InternalReducingState<V> {

    private final ReduceFunction<V> reduceFunction;
    private final BiFunction<V, V, V> merger;

    HeapReducingState(
            StateTable<K, N, V> table, Object defaultNamespace, ReduceFunction<V> reduceFunction) {
        super(table, defaultNamespace);
        this.reduceFunction = reduceFunction;
        this.merger =
                (current, added) -> {
                    try {
                        return reduceFunction.reduce(current, added);
                    } catch (Exception e) {
                        throw new ReduceFailure(e);
                    }
                };
    }

    /** Carries the reduce function's exception out of {@link java.util.HashMap#merge}. */
    private static final class ReduceFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReduceFailure(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    @Override
    public V addAndGet(V value) throws Exception {
        try {
            return table.merge(currentNamespace, value, merger);
        } catch (ReduceFailure e) {
            throw (Exception) e.getCause();
        }
    }

    @Override
    public V get() {
        return table.get(currentNamespace);
    }

    @Override
    public void add(V value) throws Exception {
        addAndGet(value);
    }

    @Override
    public void mergeNamespaces(N target, Iterable<N> sources) throws Exception {
        V merged = null;
        for (N source : sources) {
            V part = table.remove(source);
            if (part != null) {
                merged = merged == null ? part : reduceFunction.reduce(merged, part);
            }
        }
        if (merged != null) {
            N saved = currentNamespace;
            currentNamespace = target;
            add(merged);
            currentNamespace = saved;
        }
    }
}
