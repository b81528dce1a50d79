package dev.brook.runtime.checkpoint;

/**
 * What is known about one checkpoint or savepoint at one moment: an immutable value the statistics
 * replace as the checkpoint progresses.
 *
 * @param latestAckTimestamp when the latest subtask acknowledged (epoch ms), or -1 before any did
 * @param stateSize bytes of state of a completed checkpoint, 0 before it completes
 * @param externalPath the directory of a completed checkpoint or savepoint, or null (in memory, or
 *     not completed)
 * @param failureTimestamp when it failed or was aborted (epoch ms), or -1
 * @param failureMessage why it failed or was aborted, or null
 */
public record CheckpointStats(
        long checkpointId,
        CheckpointType type,
        Status status,
        long triggerTimestamp,
        long latestAckTimestamp,
        int numSubtasks,
        int numAcknowledgedSubtasks,
        long stateSize,
        String externalPath,
        long failureTimestamp,
        String failureMessage) {

    /** Where a checkpoint is in its life. */
    public enum Status {
        IN_PROGRESS,
        COMPLETED,
        FAILED
    }

    static CheckpointStats pending(
            long checkpointId, CheckpointType type, long triggerTimestamp, int numSubtasks) {
        return new CheckpointStats(
                checkpointId,
                type,
                Status.IN_PROGRESS,
                triggerTimestamp,
                -1,
                numSubtasks,
                0,
                0,
                null,
                -1,
                null);
    }

    CheckpointStats acknowledged(long timestamp) {
        return new CheckpointStats(
                checkpointId,
                type,
                status,
                triggerTimestamp,
                timestamp,
                numSubtasks,
                numAcknowledgedSubtasks + 1,
                stateSize,
                externalPath,
                failureTimestamp,
                failureMessage);
    }

    CheckpointStats completed(long timestamp, long size, String path) {
        return new CheckpointStats(
                checkpointId,
                type,
                Status.COMPLETED,
                triggerTimestamp,
                Math.max(latestAckTimestamp, timestamp),
                numSubtasks,
                numSubtasks,
                size,
                path,
                -1,
                null);
    }

    CheckpointStats failed(long timestamp, String message) {
        return new CheckpointStats(
                checkpointId,
                type,
                Status.FAILED,
                triggerTimestamp,
                latestAckTimestamp,
                numSubtasks,
                numAcknowledgedSubtasks,
                stateSize,
                null,
                timestamp,
                message);
    }

    public boolean isSavepoint() {
        return type.isSavepoint();
    }

    /**
     * Milliseconds from the trigger to completion or failure, or to the latest acknowledgement
     * while in progress (0 before any).
     */
    public long endToEndDuration() {
        long end =
                switch (status) {
                    case COMPLETED -> latestAckTimestamp;
                    case FAILED -> failureTimestamp;
                    case IN_PROGRESS -> latestAckTimestamp;
                };
        return end < 0 ? 0 : Math.max(0, end - triggerTimestamp);
    }
}
