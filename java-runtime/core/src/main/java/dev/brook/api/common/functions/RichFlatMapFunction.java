package dev.brook.api.common.functions;

/** A {@link FlatMapFunction} with a lifecycle and a {@link RuntimeContext}. */
public abstract class RichFlatMapFunction<IN, OUT> extends AbstractRichFunction
        implements FlatMapFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;
}
