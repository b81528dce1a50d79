package dev.brook.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counts, latest checkpoints, summary and the bounded history as checkpoints come and go. */
class CheckpointStatsTrackerTest {

    @Test
    void followsCheckpointsFromTriggerToCompletionOrFailure() {
        CheckpointStatsTracker tracker = new CheckpointStatsTracker();
        tracker.reportPending(1, CheckpointType.CHECKPOINT, 1_000, 2);
        tracker.reportAcknowledged(1, 1_010);
        CheckpointStatsSnapshot pending = tracker.snapshot();
        assertThat(pending.counts()).isEqualTo(new CheckpointStatsSnapshot.Counts(0, 1, 1, 0, 0));
        CheckpointStats inProgress = pending.history().get(0);
        assertThat(inProgress.status()).isEqualTo(CheckpointStats.Status.IN_PROGRESS);
        assertThat(inProgress.numAcknowledgedSubtasks()).isEqualTo(1);
        assertThat(inProgress.endToEndDuration()).isEqualTo(10);

        tracker.reportAcknowledged(1, 1_020);
        tracker.reportCompleted(1, 1_030, 500, "/cp/chk-1");
        tracker.reportPending(2, CheckpointType.SAVEPOINT, 2_000, 2);
        tracker.reportCompleted(2, 2_100, 700, "/sp/savepoint-1");
        tracker.reportPending(3, CheckpointType.CHECKPOINT, 3_000, 2);
        tracker.reportFailed(3, 3_050, "declined");
        // A late report for a checkpoint already ended changes nothing.
        tracker.reportCompleted(3, 3_060, 1, "/late");
        tracker.reportFailed(1, 3_070, "late");

        CheckpointStatsSnapshot s = tracker.snapshot();
        assertThat(s.counts()).isEqualTo(new CheckpointStatsSnapshot.Counts(0, 3, 0, 2, 1));
        assertThat(s.latestCompleted().checkpointId()).isEqualTo(1);
        assertThat(s.latestCompleted().externalPath()).isEqualTo("/cp/chk-1");
        assertThat(s.latestCompleted().endToEndDuration()).isEqualTo(30);
        assertThat(s.latestSavepoint().checkpointId()).isEqualTo(2);
        assertThat(s.latestFailed().failureMessage()).isEqualTo("declined");
        assertThat(s.latestFailed().endToEndDuration()).isEqualTo(50);
        assertThat(s.summary().stateSize())
                .isEqualTo(new CheckpointStatsSnapshot.MinMaxAvg(500, 700, 600, 2));
        assertThat(s.summary().endToEndDuration())
                .isEqualTo(new CheckpointStatsSnapshot.MinMaxAvg(30, 100, 65, 2));
        assertThat(s.history())
                .extracting(CheckpointStats::checkpointId)
                .containsExactly(3L, 2L, 1L);
        assertThat(s.latestRestored()).isNull();
    }

    @Test
    void keepsTheLastTenEndedCheckpointsAndAllInProgress() {
        CheckpointStatsTracker tracker = new CheckpointStatsTracker();
        tracker.reportPending(1, CheckpointType.CHECKPOINT, 0, 1); // stays in progress
        for (long id = 2; id <= 20; id++) {
            tracker.reportPending(id, CheckpointType.CHECKPOINT, id, 1);
            tracker.reportCompleted(id, id + 1, 10, null);
        }
        CheckpointStatsSnapshot s = tracker.snapshot();
        assertThat(s.history()).hasSize(CheckpointStatsTracker.HISTORY_SIZE);
        assertThat(s.history().get(0).checkpointId()).isEqualTo(20);
        assertThat(s.history())
                .extracting(CheckpointStats::checkpointId)
                .contains(1L)
                .doesNotContain(2L, 10L);
        assertThat(s.counts().completed()).isEqualTo(19);
        assertThat(s.counts().inProgress()).isEqualTo(1);
    }
}
