package dev.brook.contrib.streaming.state;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.state.AggregatingState;

final class RocksDBAggregatingState<K, N, IN, ACC, OUT> extends AbstractRocksDBState<K, N, ACC>
        implements AggregatingState<IN, OUT> {

    private final AggregateFunction<IN, ACC, OUT> function;

    RocksDBAggregatingState(
            RocksDBKeyedStateBackend<K> backend,
            StateColumn column,
            Object defaultNamespace,
            AggregateFunction<IN, ACC, OUT> function) {
        super(backend, column, defaultNamespace);
        this.function = function;
    }

    @Override
    public OUT get() throws Exception {
        ACC acc = readValue(currentNamespace);
        return acc == null ? null : function.getResult(acc);
    }

    @Override
    public void add(IN value) throws Exception {
        ACC acc = readValue(currentNamespace);
        writeValue(
                currentNamespace,
                function.add(value, acc == null ? function.createAccumulator() : acc));
    }

    @Override
    public void mergeNamespaces(N target, Iterable<N> sources) throws Exception {
        ACC merged = null;
        for (N source : sources) {
            ACC part = removeValue(source);
            if (part != null) {
                merged = merged == null ? part : function.merge(merged, part);
            }
        }
        if (merged != null) {
            ACC existing = readValue(target);
            writeValue(target, existing == null ? merged : function.merge(existing, merged));
        }
    }
}
