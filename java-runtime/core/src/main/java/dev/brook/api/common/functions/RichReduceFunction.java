package dev.brook.api.common.functions;

/** A {@link ReduceFunction} with a lifecycle and a {@link RuntimeContext}. */
public abstract class RichReduceFunction<T> extends AbstractRichFunction
        implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;
}
