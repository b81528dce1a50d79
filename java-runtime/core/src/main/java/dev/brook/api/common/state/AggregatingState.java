package dev.brook.api.common.state;

/** An accumulator per key fed by an aggregate function; {@link #get()} yields its result. */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
