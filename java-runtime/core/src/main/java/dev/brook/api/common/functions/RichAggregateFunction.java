package dev.brook.api.common.functions;

/** A {@link AggregateFunction} with a lifecycle and a {@link RuntimeContext}. */
public abstract class RichAggregateFunction<IN, ACC, OUT> extends AbstractRichFunction
        implements AggregateFunction<IN, ACC, OUT> {
    private static final long serialVersionUID = 1L;
}
