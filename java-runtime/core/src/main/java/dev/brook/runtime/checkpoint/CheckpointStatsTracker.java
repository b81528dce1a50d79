package dev.brook.runtime.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Follows a job's checkpoints for the REST API: counts, the latest completed, savepoint and failed
 * one, running minimum, maximum and average of sizes and durations, and the last {@value
 * #HISTORY_SIZE} checkpoints, in progress or done (Flink's {@code web.checkpoints.history}
 * default).
 *
 * <p>Threading model: called by the {@link CheckpointCoordinator} on the JobMaster's main thread
 * only; {@link #snapshot()} returns immutable values that other threads may read.
 */
final class CheckpointStatsTracker {

    static final int HISTORY_SIZE = 10;

    /** By checkpoint id, oldest first; at most {@link #HISTORY_SIZE} plus those in progress. */
    private final LinkedHashMap<Long, CheckpointStats> history = new LinkedHashMap<>();

    private long total;
    private int inProgress;
    private long completed;
    private long failed;
    private CheckpointStats latestCompleted;
    private CheckpointStats latestSavepoint;
    private CheckpointStats latestFailed;
    private final Range stateSize = new Range();
    private final Range duration = new Range();

    void reportPending(long checkpointId, CheckpointType type, long timestamp, int numSubtasks) {
        total++;
        inProgress++;
        history.put(
                checkpointId, CheckpointStats.pending(checkpointId, type, timestamp, numSubtasks));
        trim();
    }

    void reportAcknowledged(long checkpointId, long timestamp) {
        history.computeIfPresent(checkpointId, (id, stats) -> stats.acknowledged(timestamp));
    }

    void reportCompleted(long checkpointId, long timestamp, long size, String externalPath) {
        CheckpointStats stats = history.get(checkpointId);
        if (stats == null || stats.status() != CheckpointStats.Status.IN_PROGRESS) {
            return;
        }
        stats = stats.completed(timestamp, size, externalPath);
        history.put(checkpointId, stats);
        inProgress--;
        completed++;
        if (stats.isSavepoint()) {
            latestSavepoint = stats;
        } else {
            latestCompleted = stats;
        }
        stateSize.add(size);
        duration.add(stats.endToEndDuration());
        trim();
    }

    void reportFailed(long checkpointId, long timestamp, String message) {
        CheckpointStats stats = history.get(checkpointId);
        if (stats == null || stats.status() != CheckpointStats.Status.IN_PROGRESS) {
            return;
        }
        stats = stats.failed(timestamp, message);
        history.put(checkpointId, stats);
        inProgress--;
        failed++;
        latestFailed = stats;
        trim();
    }

    /** Drops the oldest finished entries beyond the history size; those in progress stay. */
    private void trim() {
        int excess = history.size() - HISTORY_SIZE;
        Iterator<CheckpointStats> it = history.values().iterator();
        while (excess > 0 && it.hasNext()) {
            if (it.next().status() != CheckpointStats.Status.IN_PROGRESS) {
                it.remove();
                excess--;
            }
        }
    }

    CheckpointStatsSnapshot snapshot() {
        List<CheckpointStats> newestFirst = new ArrayList<>(history.values());
        Collections.reverse(newestFirst);
        return new CheckpointStatsSnapshot(
                new CheckpointStatsSnapshot.Counts(0, total, inProgress, completed, failed),
                new CheckpointStatsSnapshot.Summary(stateSize.snapshot(), duration.snapshot()),
                latestCompleted,
                latestSavepoint,
                latestFailed,
                null,
                newestFirst);
    }

    /** Running minimum, maximum and sum. */
    private static final class Range {
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;
        private long sum;
        private long count;

        void add(long value) {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
            count++;
        }

        CheckpointStatsSnapshot.MinMaxAvg snapshot() {
            return count == 0
                    ? new CheckpointStatsSnapshot.MinMaxAvg(0, 0, 0, 0)
                    : new CheckpointStatsSnapshot.MinMaxAvg(min, max, sum / count, count);
        }
    }
}
