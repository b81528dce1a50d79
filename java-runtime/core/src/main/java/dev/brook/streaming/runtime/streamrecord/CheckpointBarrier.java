package dev.brook.streaming.runtime.streamrecord;

import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import dev.brook.runtime.checkpoint.CheckpointType;

/**
 * Marks the position of checkpoint {@code checkpointId} in the stream: every task snapshots its
 * state when the barrier has arrived on all its inputs, then passes it on.
 *
 * @param location where the tasks write their state for this checkpoint or savepoint
 */
public record CheckpointBarrier(
        long checkpointId, long timestamp, CheckpointType type, CheckpointStorageLocation location)
        implements StreamElement {

    public boolean isSavepoint() {
        return type.isSavepoint();
    }
}
