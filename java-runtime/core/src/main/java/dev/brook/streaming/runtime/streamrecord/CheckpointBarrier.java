package dev.brook.streaming.runtime.streamrecord;

/** Marks the position of checkpoint {@code checkpointId} in the stream. */
public record CheckpointBarrier(long checkpointId, long timestamp, boolean isSavepoint)
        implements StreamElement {}
