package dev.brook.runtime.state.heap;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.state.AggregatingState;

final class HeapAggregatingState<K, N, IN, ACC, OUT> extends AbstractHeapState<K, N, ACC>
        implements AggregatingState<IN, OUT> {

    private final AggregateFunction<IN, ACC, OUT> function;

    HeapAggregatingState(
            StateTable<K, N, ACC> table,
            Object defaultNamespace,
            AggregateFunction<IN, ACC, OUT> function) {
        super(table, defaultNamespace);
        this.function = function;
    }

    @Override
    public OUT get() {
        ACC acc = table.get(currentNamespace);
        return acc == null ? null : function.getResult(acc);
    }

    @Override
    public void add(IN value) {
        ACC acc = table.get(currentNamespace);
        if (acc == null) {
            acc = function.createAccumulator();
        }
        table.put(currentNamespace, function.add(value, acc));
    }

    @Override
    public void mergeNamespaces(N target, Iterable<N> sources) {
        ACC merged = null;
        for (N source : sources) {
            ACC part = table.remove(source);
            if (part != null) {
                merged = merged == null ? part : function.merge(merged, part);
            }
        }
        if (merged != null) {
            N saved = currentNamespace;
            currentNamespace = target;
            ACC existing = table.get(target);
            table.put(target, existing == null ? merged : function.merge(existing, merged));
            currentNamespace = saved;
        }
    }
}
