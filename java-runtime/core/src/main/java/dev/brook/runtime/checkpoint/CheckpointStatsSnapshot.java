package dev.brook.runtime.checkpoint;

import java.util.List;

/**
 * A job's checkpoint statistics at one moment, as the REST API reports them ({@code GET
 * /jobs/:jobid/checkpoints}). Savepoints count as checkpoints here, as in Flink.
 *
 * @param latestCompleted the latest completed checkpoint (not savepoint), or null
 * @param latestSavepoint the latest completed savepoint, or null
 * @param latestFailed the latest failed or aborted checkpoint or savepoint, or null
 * @param latestRestored what the job's tasks last restored from, or null
 * @param history the most recent checkpoints, newest first
 */
public record CheckpointStatsSnapshot(
        Counts counts,
        Summary summary,
        CheckpointStats latestCompleted,
        CheckpointStats latestSavepoint,
        CheckpointStats latestFailed,
        RestoredCheckpoint latestRestored,
        List<CheckpointStats> history) {

    public CheckpointStatsSnapshot {
        history = List.copyOf(history);
    }

    /**
     * @param restored how many times the job's tasks started from restored state (the initial
     *     savepoint and every restart once there was state to restore; restarts before the first
     *     completed checkpoint count too, since the JobMaster does not keep when they happened)
     * @param total checkpoints and savepoints triggered
     */
    public record Counts(long restored, long total, int inProgress, long completed, long failed) {}

    /** Over all completed checkpoints and savepoints: sizes in bytes, durations in ms. */
    public record Summary(MinMaxAvg stateSize, MinMaxAvg endToEndDuration) {}

    /** Minimum, maximum and average of the values seen (all 0 before any). */
    public record MinMaxAvg(long min, long max, long average, long count) {}

    /**
     * @param restoreTimestamp when the latest attempts that restored it were created (epoch ms)
     * @param externalPath its directory, or null for a checkpoint kept in memory
     */
    public record RestoredCheckpoint(
            long checkpointId, long restoreTimestamp, boolean savepoint, String externalPath) {}

    /** The same statistics with the restore information the JobMaster keeps. */
    public CheckpointStatsSnapshot withRestored(long restoredCount, RestoredCheckpoint restored) {
        return new CheckpointStatsSnapshot(
                new Counts(
                        restoredCount,
                        counts.total(),
                        counts.inProgress(),
                        counts.completed(),
                        counts.failed()),
                summary,
                latestCompleted,
                latestSavepoint,
                latestFailed,
                restored,
                history);
    }
}
