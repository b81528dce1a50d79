package dev.brook.api.common.functions;

/**
 * A function with a lifecycle and access to its {@link RuntimeContext}.
 *
 * <p>Lifecycle: {@link #setRuntimeContext} once, then {@link #open} once before the first record,
 * then the function's record methods, then {@link #close} once (also after a failure). All calls
 * come from the subtask's single task thread.
 */
public interface RichFunction extends Function {

    default void open(OpenContext openContext) throws Exception {}

    default void close() throws Exception {}

    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext context);
}
