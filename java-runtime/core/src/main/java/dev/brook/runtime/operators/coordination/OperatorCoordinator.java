package dev.brook.runtime.operators.coordination;

import dev.brook.configuration.Configuration;
import java.util.concurrent.CompletableFuture;

/**
 * The part of an operator that runs once per job in the JobMaster and talks to the operator's
 * parallel instances through events.
 *
 * <p>Lifecycle: {@link #resetToCheckpoint} when the job restores state; {@link #start} when the job
 * starts running; events and checkpoints; {@link #close} when the job ends (or restarts, after
 * which a new coordinator takes over). Implementations run their logic on a thread of their own.
 */
public interface OperatorCoordinator extends AutoCloseable {

    void start() throws Exception;

    void handleEventFromOperator(int subtask, OperatorEvent event) throws Exception;

    /**
     * Snapshots the coordinator for checkpoint {@code checkpointId}, before the subtasks are
     * triggered; null bytes when it has no state. Events sent to subtasks before the future
     * completes reach them before the checkpoint's trigger.
     */
    CompletableFuture<byte[]> checkpointCoordinator(long checkpointId) throws Exception;

    /** Checkpoint {@code checkpointId} is complete. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /**
     * Subtask {@code subtask} is restarted on its own (region failover) from checkpoint {@code
     * checkpointId} (-1: from the beginning): what the coordinator handed it after that checkpoint
     * must be handed out again, since the restored subtask does not have it.
     */
    default void subtaskReset(int subtask, long checkpointId) throws Exception {}

    /**
     * Before {@link #start}: the coordinator's state in the checkpoint the job restores from
     * ({@code checkpointData} may be null when it had none).
     */
    void resetToCheckpoint(long checkpointId, byte[] checkpointData) throws Exception;

    @Override
    void close() throws Exception;

    /** What the JobMaster offers a coordinator. */
    interface Context {
        int currentParallelism();

        /** Sends an event to a running subtask of the operator. */
        void sendEvent(int subtask, OperatorEvent event);

        /** Fails the whole job with {@code cause}. */
        void failJob(Throwable cause);

        ClassLoader getUserCodeClassLoader();

        Configuration getJobConfiguration();

        String operatorName();
    }
}
