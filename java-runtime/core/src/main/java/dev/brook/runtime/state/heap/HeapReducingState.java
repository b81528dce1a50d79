package dev.brook.runtime.state.heap;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.runtime.state.InternalReducingState;

final class HeapReducingState<K, N, V> extends AbstractHeapState<K, N, V>
        implements InternalReducingState<V> {

    private final ReduceFunction<V> reduceFunction;
    private final ReduceMerger<V> merger;

    HeapReducingState(
            StateTable<K, N, V> table, Object defaultNamespace, ReduceFunction<V> reduceFunction) {
        super(table, defaultNamespace);
        this.reduceFunction = reduceFunction;
        this.merger = new ReduceMerger<>(reduceFunction);
    }

    @Override
    public V addAndGet(V value) throws Exception {
        return table.merge(currentNamespace, value, merger);
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
