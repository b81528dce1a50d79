package dev.brook.api.common.functions;

/** A {@link FilterFunction} with a lifecycle and a {@link RuntimeContext}. */
public abstract class RichFilterFunction<T> extends AbstractRichFunction
        implements FilterFunction<T> {
    private static final long serialVersionUID = 1L;
}
