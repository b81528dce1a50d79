package dev.brook.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.configuration.Configuration;
import dev.brook.runtime.checkpoint.CheckpointPlan.CheckpointTask;
import dev.brook.runtime.deployment.TaskDeploymentDescriptor;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.runtime.jobgraph.JobVertexID;
import dev.brook.runtime.jobmaster.JobMasterGateway;
import dev.brook.runtime.operators.coordination.OperatorCoordinator;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.taskexecutor.TaskExecutorGateway;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-up of shared checkpoint state (the SST files of incremental RocksDB checkpoints) by the
 * {@link CheckpointCoordinator}, driven by hand: a shared file lives while a retained checkpoint
 * references it; files that only an aborted or late acknowledgement mentions are deleted; a
 * checkpoint that references a file deleted meanwhile does not complete; and the job's end removes
 * {@code shared/} unless checkpoints are retained.
 */
class CheckpointCoordinatorSharedStateTest {

    private static final String OPERATOR = "uid:sums";

    @TempDir Path checkpointDir;

    private final JobID jobId = JobID.generate();
    private final JobVertex vertex =
            new JobVertex(
                    JobVertexID.generate(),
                    "sums",
                    2,
                    128,
                    "default",
                    new byte[0],
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(OPERATOR));
    private final ExecutionAttemptID first = new ExecutionAttemptID(vertex.id(), 0, 0);
    private final ExecutionAttemptID second = new ExecutionAttemptID(vertex.id(), 1, 0);
    private final RecordingGateway gateway = new RecordingGateway();
    private final List<Throwable> jobFailures = new ArrayList<>();
    private CheckpointCoordinator coordinator;
    private Path jobDir;
    private Path shared;

    @BeforeEach
    void createCoordinator() {
        coordinator = coordinator("NO_EXTERNALIZED_CHECKPOINTS");
        jobDir = checkpointDir.resolve(jobId.toString());
        shared = jobDir.resolve("shared");
    }

    private CheckpointCoordinator coordinator(String retention) {
        Configuration conf = new Configuration();
        // Periodic checkpoints are never started: the test triggers each one.
        conf.setString("execution.checkpointing.interval", "1 h");
        conf.setString("execution.checkpointing.dir", checkpointDir.toString());
        conf.setString("execution.checkpointing.num-retained", "1");
        conf.setString("execution.checkpointing.externalized-checkpoint-retention", retention);
        CheckpointPlan plan =
                new CheckpointPlan(
                        List.of(
                                new CheckpointTask(first, vertex, gateway),
                                new CheckpointTask(second, vertex, gateway)),
                        List.of(
                                new CheckpointTask(first, vertex, gateway),
                                new CheckpointTask(second, vertex, gateway)),
                        List.of());
        return new CheckpointCoordinator(
                jobId,
                List.of(vertex),
                conf,
                Runnable::run,
                new CheckpointCoordinator.JobAccess() {
                    @Override
                    public CheckpointPlan plan() {
                        return plan;
                    }

                    @Override
                    public Map<String, OperatorCoordinator> operatorCoordinators() {
                        return Map.of();
                    }

                    @Override
                    public void failJob(Throwable cause) {
                        jobFailures.add(cause);
                    }
                });
    }

    /** A file in {@code shared/} as a task would have uploaded it. */
    private FileStateHandle upload(String name) throws Exception {
        Path file = Files.writeString(shared.resolve(name), "sst " + name);
        return new FileStateHandle(file.toString(), Files.size(file));
    }

    private static TaskStateSnapshot ack(
            CheckpointStorageLocation location, int subtask, FileStateHandle... sharedFiles)
            throws Exception {
        StreamStateHandle blob = location.write(("blob " + subtask).getBytes());
        return new TaskStateSnapshot(
                Map.of(
                        OPERATOR,
                        new OperatorSubtaskState(
                                blob,
                                new KeyGroupRange(subtask * 64, subtask * 64 + 63),
                                false,
                                false,
                                List.of(sharedFiles))));
    }

    @Test
    void sharedFilesLiveWhileARetainedCheckpointReferencesThem() throws Exception {
        CompletableFuture<CompletedCheckpoint> one =
                coordinator.triggerCheckpoint(CheckpointType.CHECKPOINT, null);
        CheckpointStorageLocation location = gateway.lastLocation;
        assertThat(location.supportsSharedState()).isTrue();
        assertThat(Path.of(location.sharedDirectory())).isEqualTo(shared).isDirectory();
        FileStateHandle a = upload("a.sst");
        FileStateHandle b = upload("b.sst");
        coordinator.acknowledgeCheckpoint(first, 1, ack(location, 0, a));
        coordinator.acknowledgeCheckpoint(second, 1, ack(location, 1, b));
        assertThat(one).isCompleted();

        // The metadata lists the shared files; they resolve to the same files when read back.
        CompletedCheckpoint loaded = CheckpointMetadata.load(jobDir.resolve("chk-1").toString());
        assertThat(loaded.operators().get(OPERATOR).subtasks().get(0).sharedState())
                .containsExactly(a);
        assertThat(loaded.operators().get(OPERATOR).subtasks().get(1).sharedState())
                .containsExactly(b);

        // Checkpoint 2 references a again, and c and d; b is referenced no more.
        coordinator.triggerCheckpoint(CheckpointType.CHECKPOINT, null);
        location = gateway.lastLocation;
        FileStateHandle c = upload("c.sst");
        FileStateHandle d = upload("d.sst");
        coordinator.acknowledgeCheckpoint(first, 2, ack(location, 0, a, c));
        coordinator.acknowledgeCheckpoint(second, 2, ack(location, 1, d));

        // Only one checkpoint is retained: checkpoint 1 is gone, and with it b.
        assertThat(jobDir.resolve("chk-1")).doesNotExist();
        assertThat(a.filePath()).exists();
        assertThat(b.filePath()).doesNotExist();
        assertThat(c.filePath()).exists();
        assertThat(d.filePath()).exists();

        coordinator.shutdown(JobStatus.FINISHED);
        assertThat(jobDir).doesNotExist();
        assertThat(jobFailures).isEmpty();
    }

    @Test
    void filesOnlyAnAbortedOrLateAcknowledgementMentionsAreDeleted() throws Exception {
        coordinator.triggerCheckpoint(CheckpointType.CHECKPOINT, null);
        CheckpointStorageLocation location = gateway.lastLocation;
        FileStateHandle a = upload("a.sst");
        coordinator.acknowledgeCheckpoint(first, 1, ack(location, 0, a));
        coordinator.acknowledgeCheckpoint(second, 1, ack(location, 1, a));

        // Checkpoint 2: one task reuses a and uploads e, the other declines.
        CompletableFuture<CompletedCheckpoint> two =
                coordinator.triggerCheckpoint(CheckpointType.CHECKPOINT, null);
        location = gateway.lastLocation;
        FileStateHandle e = upload("e.sst");
        coordinator.acknowledgeCheckpoint(first, 2, ack(location, 0, a, e));
        coordinator.declineCheckpoint(second, 2, new RuntimeException("declined"));
        assertThat(two).isCompletedExceptionally();
        assertThat(e.filePath()).doesNotExist();
        assertThat(a.filePath()).exists();
        assertThat(gateway.aborted).containsExactly(2L, 2L);

        // The declining task's upload arrives after the abort (its snapshot kept in memory: the
        // checkpoint's directory is gone).
        FileStateHandle f = upload("f.sst");
        coordinator.acknowledgeCheckpoint(
                second, 2, ack(CheckpointStorageLocation.IN_MEMORY, 1, a, f));
        assertThat(f.filePath()).doesNotExist();
        assertThat(a.filePath()).exists();
        try (var files = Files.list(shared)) {
            assertThat(files).containsExactly(a.filePath());
        }
    }

    @Test
    void aCheckpointReferencingAFileDeletedMeanwhileDoesNotComplete() throws Exception {
        coordinator.triggerCheckpoint(CheckpointType.CHECKPOINT, null);
        CheckpointStorageLocation location = gateway.lastLocation;
        FileStateHandle a = upload("a.sst");
        coordinator.acknowledgeCheckpoint(first, 1, ack(location, 0, a));
        coordinator.acknowledgeCheckpoint(second, 1, ack(location, 1));

        // Checkpoint 2 completes without a, which is deleted with checkpoint 1.
        coordinator.triggerCheckpoint(CheckpointType.CHECKPOINT, null);
        location = gateway.lastLocation;
        FileStateHandle b = upload("b.sst");
        coordinator.acknowledgeCheckpoint(first, 2, ack(location, 0, b));
        coordinator.acknowledgeCheckpoint(second, 2, ack(location, 1));
        assertThat(a.filePath()).doesNotExist();

        // A task that still took checkpoint 1 for the latest one references a.
        CompletableFuture<CompletedCheckpoint> three =
                coordinator.triggerCheckpoint(CheckpointType.CHECKPOINT, null);
        location = gateway.lastLocation;
        coordinator.acknowledgeCheckpoint(first, 3, ack(location, 0, a));
        coordinator.acknowledgeCheckpoint(second, 3, ack(location, 1));

        assertThat(three)
                .failsWithin(java.time.Duration.ZERO)
                .withThrowableThat()
                .withMessageContaining("references shared state that was discarded meanwhile");
        assertThat(coordinator.getLatestCompletedCheckpoint().checkpointId()).isEqualTo(2);
        assertThat(coordinator.getNumberOfFailedCheckpoints()).isZero();
    }

    @Test
    void retainedCheckpointsKeepTheirSharedFilesAfterTheJob() throws Exception {
        coordinator = coordinator("RETAIN_ON_CANCELLATION");
        coordinator.triggerCheckpoint(CheckpointType.CHECKPOINT, null);
        CheckpointStorageLocation location = gateway.lastLocation;
        FileStateHandle a = upload("a.sst");
        coordinator.acknowledgeCheckpoint(first, 1, ack(location, 0, a));
        coordinator.acknowledgeCheckpoint(second, 1, ack(location, 1));

        // A checkpoint in progress when the job is cancelled: its upload is deleted.
        coordinator.triggerCheckpoint(CheckpointType.CHECKPOINT, null);
        location = gateway.lastLocation;
        FileStateHandle b = upload("b.sst");
        coordinator.acknowledgeCheckpoint(first, 2, ack(location, 0, a, b));
        coordinator.shutdown(JobStatus.CANCELED);

        assertThat(jobDir.resolve("chk-1").resolve(CheckpointMetadata.METADATA_FILE_NAME)).exists();
        assertThat(jobDir.resolve("chk-2")).doesNotExist();
        try (var files = Files.list(shared)) {
            assertThat(files).containsExactly(a.filePath());
        }
    }

    @Test
    void savepointsGetNoSharedDirectory(@TempDir Path savepoints) {
        coordinator.triggerCheckpoint(CheckpointType.SAVEPOINT, savepoints.toString());
        assertThat(gateway.lastLocation.supportsSharedState()).isFalse();
        assertThat(Path.of(gateway.lastLocation.directory())).startsWith(savepoints);
    }

    /** Records what the coordinator sends to tasks. */
    private static final class RecordingGateway implements TaskExecutorGateway {
        CheckpointStorageLocation lastLocation;
        final List<Long> aborted = new ArrayList<>();

        @Override
        public TaskManagerLocation getLocation() {
            return null;
        }

        @Override
        public CompletableFuture<Void> submitTask(
                TaskDeploymentDescriptor tdd, JobMasterGateway jobMaster) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void cancelTask(ExecutionAttemptID attemptId) {}

        @Override
        public void sendOperatorEventToTask(
                ExecutionAttemptID attemptId, String operatorId, OperatorEvent event) {}

        @Override
        public void triggerCheckpoint(
                ExecutionAttemptID attemptId,
                long checkpointId,
                long timestamp,
                CheckpointType type,
                CheckpointStorageLocation location) {
            lastLocation = location;
        }

        @Override
        public void notifyCheckpointComplete(ExecutionAttemptID attemptId, long checkpointId) {}

        @Override
        public CompletableFuture<Map<ExecutionAttemptID, Map<String, String>>> requestJobMetrics(
                JobID jobId) {
            return CompletableFuture.completedFuture(Map.of());
        }

        @Override
        public void notifyCheckpointAborted(ExecutionAttemptID attemptId, long checkpointId) {
            aborted.add(checkpointId);
        }

        @Override
        public void releaseJob(JobID jobId) {}
    }
}
