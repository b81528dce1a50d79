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

    /**
     * A checkpoint barrier is about to leave the task: emit what must reach downstream before it.
     * Nothing by default.
     */
    default void prepareSnapshotPreBarrier(long checkpointId) throws Exception {}

    /**
     * A checkpoint: write everything the operator keeps outside its state backends into them (user
     * functions' {@code snapshotState}); the task then reads the backends.
     */
    default void snapshotState(long checkpointId, long timestamp) throws Exception {}

    /** Every task acknowledged checkpoint {@code checkpointId}: it is complete. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /** Checkpoint {@code checkpointId} will not complete. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}

    /**
     * Whether, after {@link #finish}, the operator needs one more completed checkpoint (to commit
     * its last output, like a two-phase-commit sink). With checkpointing on, the task then waits
     * for one before it ends its outputs.
     */
    default boolean requiresFinalCheckpoint() {
        return false;
    }
}
