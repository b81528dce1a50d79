package dev.brook.api.common.state;

/** Told when a checkpoint it took part in has completed (or was aborted). */
public interface CheckpointListener {
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
