package dev.brook.runtime.state.heap;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.state.ReducingState;

final class HeapReducingState<K, N, V> extends AbstractHeapState<K, N, V>
        implements ReducingState<V> {

    private final ReduceFunction<V> reduceFunction;

    HeapReducingState(
            StateTable<K, N, V> table, Object defaultNamespace, ReduceFunction<V> reduceFunction) {
        super(table, defaultNamespace);
        this.reduceFunction = reduceFunction;
    }

    @Override
    public V get() {
        return table.get(currentNamespace);
    }

    @Override
    public void add(V value) throws Exception {
        V current = table.get(currentNamespace);
        table.put(
                currentNamespace, current == null ? value : reduceFunction.reduce(current, value));
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
