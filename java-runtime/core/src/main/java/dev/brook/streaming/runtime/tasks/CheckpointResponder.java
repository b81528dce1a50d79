package dev.brook.streaming.runtime.tasks;

import dev.brook.runtime.checkpoint.TaskStateSnapshot;

/** How a task answers the JobMaster's checkpoint coordinator. Callable from any thread. */
public interface CheckpointResponder {

    void acknowledgeCheckpoint(long checkpointId, TaskStateSnapshot state);

    /** The task could not take its part of the checkpoint; the checkpoint fails. */
    void declineCheckpoint(long checkpointId, Throwable cause);
}
