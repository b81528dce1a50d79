package dev.brook.api.common.functions;

/** A {@link MapFunction} with a lifecycle and a {@link RuntimeContext}. */
public abstract class RichMapFunction<IN, OUT> extends AbstractRichFunction
        implements MapFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;
}
