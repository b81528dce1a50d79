package dev.brook.streaming.runtime.operators;

/**
 * An operator of a task's chain.
 *
 * <p>Lifecycle: constructed by its {@link OperatorFactory} with everything it needs; {@link #open}
 * once (operators of a chain are opened from the last to the first, so an operator's downstream is
 * ready when it starts emitting); then elements; {@link #finish} once when all input has ended
 * (emit any buffered results); {@link #close} once, always, also after failure or cancellation.
 *
 * <p>Threading model: every method is called from the task thread.
 */
public interface StreamOperator<OUT> {

    default void open() throws Exception {}

    default void finish() throws Exception {}

    default void close() throws Exception {}
}
