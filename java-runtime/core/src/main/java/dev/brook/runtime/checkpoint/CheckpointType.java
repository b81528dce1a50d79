package dev.brook.runtime.checkpoint;

/** What a checkpoint is for, carried by its trigger and barriers. */
public enum CheckpointType {
    /** A periodic checkpoint. */
    CHECKPOINT,
    /** A savepoint; the job goes on. */
    SAVEPOINT,
    /**
     * A savepoint that stops the job ({@code flink stop}): sources emit nothing after the barrier,
     * and once the savepoint is complete every task ends without finishing its operators, so the
     * job can resume from it as if it had never stopped.
     */
    SAVEPOINT_SUSPEND,
    /**
     * As {@link #SAVEPOINT_SUSPEND}, but sources first advance event time to its end ({@code flink
     * stop --drain}), so event-time windows and timers fire before the savepoint is taken.
     */
    SAVEPOINT_TERMINATE;

    public boolean isSavepoint() {
        return this != CHECKPOINT;
    }

    /** Whether the job stops when this savepoint is complete. */
    public boolean isSynchronous() {
        return this == SAVEPOINT_SUSPEND || this == SAVEPOINT_TERMINATE;
    }
}
