package dev.brook.runtime.state.heap;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.state.AggregatingState;
import java.util.function.BiFunction;

final class HeapAggregatingState<K, N, IN, ACC, OUT> extends AbstractHeapState<K, N, ACC>
        implements AggregatingState<IN, OUT> {

    private final AggregateFunction<IN, ACC, OUT> function;
    private final Adder adder = new Adder();

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
        adder.value = value;
        try {
            table.compute(currentNamespace, adder);
        } finally {
            adder.value = null;
        }
    }

    /** Folds one value into the stored accumulator, so that adding costs one hash lookup. */
    private final class Adder implements BiFunction<K, ACC, ACC> {
        IN value;

        @Override
        public ACC apply(K key, ACC accumulator) {
            return function.add(
                    value, accumulator == null ? function.createAccumulator() : accumulator);
        }
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
