package dev.brook.contrib.streaming.state;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.runtime.state.InternalReducingState;

final class RocksDBReducingState<K, N, V> extends AbstractRocksDBState<K, N, V>
        implements InternalReducingState<V> {

    private final ReduceFunction<V> reduceFunction;

    RocksDBReducingState(
            RocksDBKeyedStateBackend<K> backend,
            StateColumn column,
            Object defaultNamespace,
            ReduceFunction<V> reduceFunction) {
        super(backend, column, defaultNamespace);
        this.reduceFunction = reduceFunction;
    }

    @Override
    public V get() throws Exception {
        return readValue(currentNamespace);
    }

    @Override
    public void add(V value) throws Exception {
        addAndGet(value);
    }

    @Override
    public V addAndGet(V value) throws Exception {
        return addTo(currentNamespace, value);
    }

    private V addTo(N namespace, V value) throws Exception {
        V current = readValue(namespace);
        V reduced = current == null ? value : reduceFunction.reduce(current, value);
        writeValue(namespace, reduced);
        return reduced;
    }

    @Override
    public void mergeNamespaces(N target, Iterable<N> sources) throws Exception {
        V merged = null;
        for (N source : sources) {
            V part = removeValue(source);
            if (part != null) {
                merged = merged == null ? part : reduceFunction.reduce(merged, part);
            }
        }
        if (merged != null) {
            addTo(target, merged);
        }
    }
}
