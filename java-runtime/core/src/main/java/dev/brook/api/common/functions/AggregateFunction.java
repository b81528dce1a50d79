package dev.brook.api.common.functions;

/**
 * Incremental aggregation with an accumulator: {@code createAccumulator}, {@code add} per value,
 * {@code getResult} when a result is needed, and {@code merge} when two accumulators meet (merging
 * windows).
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}
