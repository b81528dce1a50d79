package dev.brook.streaming.api.functions.co;

import dev.brook.api.common.functions.AbstractRichFunction;

/** A {@link CoMapFunction} with a lifecycle and runtime context. */
public abstract class RichCoMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
