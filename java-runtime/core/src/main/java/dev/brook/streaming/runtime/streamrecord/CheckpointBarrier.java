package dev.brook.streaming.runtime.streamrecord;

import dev.brook.runtime.checkpoint.CheckpointStorageLocation;

/**
 * Marks the position of checkpoint {@code checkpointId} in the stream: every task snapshots its
 * state when the barrier has arrived on all its inputs, then passes it on.
 *
 * @param location where the tasks write their state for this checkpoint or savepoint
 */
public record CheckpointBarrier(
        long checkpointId, long timestamp, boolean isSavepoint, CheckpointStorageLocation location)
        implements StreamElement {}
