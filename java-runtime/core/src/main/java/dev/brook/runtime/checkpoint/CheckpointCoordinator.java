package dev.brook.runtime.checkpoint;

import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.configuration.CheckpointingOptions;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.ExternalizedCheckpointRetention;
import dev.brook.runtime.checkpoint.CheckpointPlan.CheckpointTask;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.runtime.jobgraph.JobVertexID;
import dev.brook.runtime.operators.coordination.OperatorCoordinator;
import dev.brook.util.FileUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a job's checkpoints, in the JobMaster: periodically (or on request, for savepoints) it
 * snapshots the operator coordinators, triggers the source tasks (and tasks whose inputs have all
 * finished), which inject barriers; collects every running task's acknowledgement; and completes
 * the checkpoint: writes {@code _metadata}, keeps the last {@code num-retained}, and notifies the
 * tasks and coordinators.
 *
 * <p>A checkpoint fails when a task declines it or it times out; more consecutive failures than
 * {@code tolerable-failed-checkpoints} fail the job. A checkpoint that a task finishing or a
 * failover makes impossible is aborted without counting as a failure, as is an older checkpoint
 * that a newer one completes before it.
 *
 * <p>Checkpoints written to files get the job's {@code shared/} directory for state that later
 * checkpoints may reference (incremental RocksDB checkpoints upload each SST file there once). A
 * {@link SharedStateRegistry} counts the references of the retained checkpoints and deletes a
 * shared file when the last one is discarded; files that only an aborted or late acknowledgement
 * mentions are deleted at once.
 *
 * <p>Coordinator state is snapshotted before the tasks are triggered, on the coordinator's own
 * thread: an event the coordinator sent before its snapshot reaches the task before the trigger
 * does (both go through the JobMaster thread and the task's mailbox in order), so a split is either
 * in the coordinator's state or in a reader's, never lost between them.
 *
 * <p>Threading model: every method runs on the JobMaster's main thread ({@code mainThread}).
 */
public final class CheckpointCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    /** What the coordinator needs from the JobMaster. */
    public interface JobAccess {
        /** Who takes part in a checkpoint now, or null when some task is not running yet. */
        CheckpointPlan plan();

        Map<String, OperatorCoordinator> operatorCoordinators();

        void failJob(Throwable cause);
    }

    private final JobID jobId;
    private final Map<JobVertexID, JobVertex> vertices = new LinkedHashMap<>();
    private final Executor mainThread;
    private final JobAccess job;
    private final long interval;
    private final long timeout;
    private final long minPause;
    private final int maxConcurrent;
    private final int tolerableFailures;
    private final int retained;
    private final ExternalizedCheckpointRetention retention;

    /** {@code <checkpoint dir>/<job id>}, or null when checkpoints stay in memory. */
    private final Path jobDirectory;

    /** {@code <job directory>/shared}, or null when checkpoints stay in memory. */
    private final Path sharedDirectory;

    private final SharedStateRegistry sharedState = new SharedStateRegistry();

    private final CheckpointStatsTracker statistics = new CheckpointStatsTracker();

    private long nextCheckpointId = 1;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final ArrayDeque<CompletedCheckpoint> completed = new ArrayDeque<>();
    private long schedulerGeneration;
    private boolean periodic;
    private long lastCompletionNanos = Long.MIN_VALUE;
    private int consecutiveFailures;
    private int numberOfCompleted;
    private int numberOfFailed;
    private boolean shutDown;

    public CheckpointCoordinator(
            JobID jobId,
            List<JobVertex> vertices,
            Configuration configuration,
            Executor mainThread,
            JobAccess job) {
        this.jobId = jobId;
        for (JobVertex v : vertices) {
            this.vertices.put(v.id(), v);
        }
        this.mainThread = mainThread;
        this.job = job;
        this.interval = configuration.get(CheckpointingOptions.CHECKPOINTING_INTERVAL).toMillis();
        this.timeout = configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis();
        this.minPause =
                configuration.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis();
        this.maxConcurrent = configuration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
        this.tolerableFailures = configuration.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER);
        this.retained =
                Math.max(1, configuration.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS));
        this.retention = configuration.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION);
        this.jobDirectory =
                configuration
                        .getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
                        .map(dir -> toPath(dir).resolve(jobId.toString()))
                        .orElse(null);
        this.sharedDirectory = jobDirectory == null ? null : jobDirectory.resolve("shared");
    }

    /** A directory option as a path: a plain path or a {@code file:} URI. */
    public static Path toPath(String directory) {
        String d = directory.trim();
        if (d.startsWith("file://")) {
            d = d.substring("file://".length());
        } else if (d.startsWith("file:")) {
            d = d.substring("file:".length());
        }
        return Path.of(d);
    }

    /** Whether {@code execution.checkpointing.interval} is set to a positive interval. */
    public static boolean isCheckpointingEnabled(Configuration configuration) {
        return configuration
                .getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL)
                .map(d -> d.toMillis() > 0)
                .orElse(false);
    }

    // ------------------------------------------------------------------ scheduling

    /** Starts periodic checkpoints (again), the first one an interval from now. */
    public void startCheckpointScheduler() {
        if (shutDown || periodic) {
            return;
        }
        periodic = true;
        long generation = ++schedulerGeneration;
        scheduleTick(generation, interval);
    }

    /** Stops periodic checkpoints and aborts those in progress (a failover or the job's end). */
    public void stopCheckpointScheduler(String reason) {
        periodic = false;
        schedulerGeneration++;
        abortAll(reason);
    }

    private void scheduleTick(long generation, long delay) {
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, mainThread)
                .execute(() -> tick(generation));
    }

    private void tick(long generation) {
        if (!periodic || generation != schedulerGeneration) {
            return;
        }
        long pauseLeft = minPauseLeft();
        if (pauseLeft > 0) {
            scheduleTick(generation, pauseLeft);
            return;
        }
        if (pending.size() < maxConcurrent) {
            triggerCheckpoint(CheckpointType.CHECKPOINT, null)
                    .whenComplete(
                            (cp, error) -> {
                                if (error != null) {
                                    LOG.debug("Checkpoint of job {} not taken: {}", jobId, error);
                                }
                            });
        }
        scheduleTick(generation, interval);
    }

    private long minPauseLeft() {
        if (minPause <= 0 || lastCompletionNanos == Long.MIN_VALUE) {
            return 0;
        }
        long since = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastCompletionNanos);
        return minPause - since;
    }

    // ------------------------------------------------------------------ triggering

    /**
     * Starts a checkpoint, or a savepoint into a new directory under {@code savepointDirectory}.
     * The future completes when every task has acknowledged, or fails with a {@link
     * CheckpointException} saying why not.
     */
    public CompletableFuture<CompletedCheckpoint> triggerCheckpoint(
            CheckpointType type, String savepointDirectory) {
        boolean savepoint = type.isSavepoint();
        if (shutDown) {
            return CompletableFuture.failedFuture(
                    new CheckpointException("The job is no longer running."));
        }
        CheckpointPlan plan = job.plan();
        if (plan == null) {
            return CompletableFuture.failedFuture(
                    new CheckpointException(
                            "Not all tasks of the job are running yet; no checkpoint now."));
        }
        if (plan.toAcknowledge().isEmpty()) {
            return CompletableFuture.failedFuture(
                    new CheckpointException("Every task of the job has finished."));
        }
        long id = nextCheckpointId++;
        long timestamp = System.currentTimeMillis();
        Path directory;
        try {
            directory = createDirectory(id, savepoint, savepointDirectory);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new CheckpointException(
                            "Cannot create the directory of "
                                    + (savepoint ? "savepoint" : "checkpoint " + id)
                                    + ": "
                                    + e,
                            e));
        }
        PendingCheckpoint p = new PendingCheckpoint(id, timestamp, type, directory, plan);
        pending.put(id, p);
        statistics.reportPending(id, type, timestamp, plan.toAcknowledge().size());
        CompletableFuture.delayedExecutor(timeout, TimeUnit.MILLISECONDS, mainThread)
                .execute(
                        () -> {
                            if (pending.get(id) == p) {
                                abort(
                                        p,
                                        new CheckpointException(
                                                "Checkpoint "
                                                        + id
                                                        + " expired before completing (timeout "
                                                        + timeout
                                                        + " ms)."),
                                        true);
                            }
                        });
        snapshotCoordinators(id)
                .whenCompleteAsync(
                        (states, error) -> {
                            if (pending.get(id) != p) {
                                return;
                            }
                            if (error != null) {
                                abort(
                                        p,
                                        new CheckpointException(
                                                "An operator coordinator failed to checkpoint: "
                                                        + error,
                                                error),
                                        true);
                                return;
                            }
                            p.coordinatorStates = states;
                            CheckpointStorageLocation location;
                            if (directory == null) {
                                location = CheckpointStorageLocation.IN_MEMORY;
                            } else if (savepoint) {
                                location = CheckpointStorageLocation.forSavepoint(directory);
                            } else {
                                location =
                                        CheckpointStorageLocation.forCheckpoint(
                                                directory, sharedDirectory);
                            }
                            for (CheckpointTask t : plan.toTrigger()) {
                                t.gateway()
                                        .triggerCheckpoint(
                                                t.attempt(), id, timestamp, type, location);
                            }
                            if (p.isFullyAcknowledged()) {
                                complete(p);
                            }
                        },
                        mainThread);
        return p.future;
    }

    private Path createDirectory(long id, boolean savepoint, String savepointDirectory)
            throws IOException {
        Path dir;
        if (savepoint) {
            if (savepointDirectory == null) {
                throw new IOException(
                        "no savepoint directory: give one, or set "
                                + CheckpointingOptions.SAVEPOINT_DIRECTORY.key());
            }
            String name =
                    "savepoint-"
                            + jobId.toString().substring(0, 6)
                            + "-"
                            + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            dir = toPath(savepointDirectory).resolve(name);
        } else if (jobDirectory != null) {
            dir = jobDirectory.resolve("chk-" + id);
            Files.createDirectories(sharedDirectory);
        } else {
            return null;
        }
        Files.createDirectories(dir);
        return dir;
    }

    private CompletableFuture<Map<String, byte[]>> snapshotCoordinators(long id) {
        Map<String, OperatorCoordinator> coordinators = job.operatorCoordinators();
        Map<String, CompletableFuture<byte[]>> futures = new LinkedHashMap<>();
        for (Map.Entry<String, OperatorCoordinator> e : coordinators.entrySet()) {
            CompletableFuture<byte[]> f;
            try {
                f = e.getValue().checkpointCoordinator(id);
            } catch (Exception ex) {
                f = CompletableFuture.failedFuture(ex);
            }
            futures.put(e.getKey(), f);
        }
        return CompletableFuture.allOf(futures.values().toArray(new CompletableFuture<?>[0]))
                .thenApply(
                        ignored -> {
                            Map<String, byte[]> states = new HashMap<>();
                            futures.forEach((op, f) -> states.put(op, f.join()));
                            return states;
                        });
    }

    // ------------------------------------------------------------------ task messages

    public void acknowledgeCheckpoint(
            ExecutionAttemptID attempt, long checkpointId, TaskStateSnapshot state) {
        PendingCheckpoint p = pending.get(checkpointId);
        if (p == null || !p.notYetAcknowledged.remove(attempt)) {
            // Aborted meanwhile: its directory is deleted with all files in it, and shared files
            // uploaded for it would stay unless deleted here.
            sharedState.discardUnregistered(sharedFiles(state));
            return;
        }
        p.acknowledged.put(attempt, state);
        statistics.reportAcknowledged(checkpointId, System.currentTimeMillis());
        if (p.isFullyAcknowledged()) {
            complete(p);
        }
    }

    public void declineCheckpoint(ExecutionAttemptID attempt, long checkpointId, Throwable cause) {
        PendingCheckpoint p = pending.get(checkpointId);
        if (p == null || !p.notYetAcknowledged.contains(attempt)) {
            return;
        }
        abort(
                p,
                new CheckpointException(
                        "Task "
                                + taskName(attempt)
                                + " declined checkpoint "
                                + checkpointId
                                + ": "
                                + cause,
                        cause),
                true);
    }

    /**
     * A task finished. Checkpoints still waiting for it cannot complete (it will never snapshot);
     * they are aborted without counting as failures.
     */
    public void taskFinished(ExecutionAttemptID attempt) {
        for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
            if (p.notYetAcknowledged.contains(attempt)) {
                abort(
                        p,
                        new CheckpointException(
                                "Task "
                                        + taskName(attempt)
                                        + " finished before it took part in checkpoint "
                                        + p.id
                                        + "."),
                        false);
            }
        }
    }

    private String taskName(ExecutionAttemptID attempt) {
        JobVertex v = vertices.get(attempt.vertexId());
        return (v == null ? "?" : v.name())
                + " ("
                + (attempt.subtaskIndex() + 1)
                + "/"
                + (v == null ? "?" : v.parallelism())
                + ")";
    }

    // ------------------------------------------------------------------ completion

    private void complete(PendingCheckpoint p) {
        Map<String, Map<Integer, OperatorSubtaskState>> subtasks = new HashMap<>();
        for (Map.Entry<ExecutionAttemptID, TaskStateSnapshot> ack : p.acknowledged.entrySet()) {
            int subtask = ack.getKey().subtaskIndex();
            ack.getValue()
                    .operators()
                    .forEach(
                            (op, state) ->
                                    subtasks.computeIfAbsent(op, k -> new HashMap<>())
                                            .put(subtask, state));
        }
        for (CheckpointTask t : p.plan.finished()) {
            for (String op : t.vertex().operatorIds()) {
                subtasks.computeIfAbsent(op, k -> new HashMap<>())
                        .put(t.attempt().subtaskIndex(), OperatorSubtaskState.FINISHED);
            }
        }
        Map<String, OperatorState> operators = new LinkedHashMap<>();
        for (JobVertex v : vertices.values()) {
            for (String op : v.operatorIds()) {
                operators.put(
                        op,
                        new OperatorState(
                                op,
                                v.parallelism(),
                                v.maxParallelism(),
                                p.coordinatorStates.get(op),
                                subtasks.getOrDefault(op, Map.of())));
            }
        }
        CompletedCheckpoint checkpoint =
                new CompletedCheckpoint(
                        jobId,
                        p.id,
                        p.timestamp,
                        p.savepoint,
                        operators,
                        p.directory == null ? null : p.directory.toString());
        Set<FileStateHandle> shared = sharedFiles(checkpoint);
        for (FileStateHandle file : shared) {
            // A file from an earlier checkpoint that was deleted when that checkpoint was
            // discarded (possible only if the task had not yet heard that a newer one completed).
            if (!sharedState.isRegistered(file) && !Files.exists(file.filePath())) {
                abort(
                        p,
                        new CheckpointException(
                                "Checkpoint "
                                        + p.id
                                        + " references shared state that was discarded meanwhile: "
                                        + file.path()),
                        false);
                return;
            }
        }
        if (p.directory != null) {
            try {
                CheckpointMetadata.store(checkpoint, p.directory);
            } catch (IOException e) {
                abort(
                        p,
                        new CheckpointException(
                                "Cannot write the metadata of checkpoint " + p.id + ": " + e, e),
                        true);
                return;
            }
        }
        pending.remove(p.id);
        statistics.reportCompleted(
                p.id,
                System.currentTimeMillis(),
                checkpoint.getStateSize(),
                checkpoint.externalPointer());
        // Registered before older checkpoints are discarded, so files they share stay.
        sharedState.register(shared);
        if (!p.savepoint) {
            numberOfCompleted++;
            consecutiveFailures = 0;
            lastCompletionNanos = System.nanoTime();
            completed.addLast(checkpoint);
            while (completed.size() > retained) {
                discard(completed.removeFirst());
            }
            // Older checkpoints still in progress are subsumed by this one.
            for (PendingCheckpoint older : new ArrayList<>(pending.headMap(p.id).values())) {
                if (!older.savepoint) {
                    abort(
                            older,
                            new CheckpointException(
                                    "Checkpoint "
                                            + older.id
                                            + " was subsumed by checkpoint "
                                            + p.id
                                            + "."),
                            false);
                }
            }
        }
        LOG.info(
                "Completed {} {} of job {} ({} bytes){}.",
                p.savepoint ? "savepoint" : "checkpoint",
                p.id,
                jobId,
                checkpoint.getStateSize(),
                p.directory == null ? "" : " in " + p.directory);
        for (CheckpointTask t : p.plan.toAcknowledge()) {
            t.gateway().notifyCheckpointComplete(t.attempt(), p.id);
        }
        for (OperatorCoordinator c : job.operatorCoordinators().values()) {
            try {
                c.notifyCheckpointComplete(p.id);
            } catch (Exception e) {
                job.failJob(e);
            }
        }
        p.future.complete(checkpoint);
    }

    private void abort(PendingCheckpoint p, CheckpointException reason, boolean countsAsFailure) {
        if (pending.remove(p.id) == null) {
            return;
        }
        LOG.info("{} {} of job {} aborted: {}", p.kind(), p.id, jobId, reason.getMessage());
        statistics.reportFailed(p.id, System.currentTimeMillis(), reason.getMessage());
        deleteDirectory(p.directory);
        for (TaskStateSnapshot ack : p.acknowledged.values()) {
            sharedState.discardUnregistered(sharedFiles(ack));
        }
        for (CheckpointTask t : p.plan.toAcknowledge()) {
            t.gateway().notifyCheckpointAborted(t.attempt(), p.id);
        }
        p.future.completeExceptionally(reason);
        if (countsAsFailure && !p.savepoint) {
            numberOfFailed++;
            if (++consecutiveFailures > tolerableFailures) {
                job.failJob(
                        new CheckpointException(
                                "Exceeded checkpoint tolerable failure threshold ("
                                        + CheckpointingOptions.TOLERABLE_FAILURE_NUMBER.key()
                                        + " = "
                                        + tolerableFailures
                                        + "). The latest checkpoint failed: "
                                        + reason.getMessage(),
                                reason.getCause() != null ? reason.getCause() : reason));
            }
        }
    }

    private void abortAll(String reason) {
        for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
            abort(p, new CheckpointException(p.kind() + " " + p.id + " aborted: " + reason), false);
        }
    }

    // ------------------------------------------------------------------ retrieval and clean-up

    /** The latest completed checkpoint, or null; what a failover restores. */
    public CompletedCheckpoint getLatestCompletedCheckpoint() {
        return completed.peekLast();
    }

    public int getNumberOfCompletedCheckpoints() {
        return numberOfCompleted;
    }

    public int getNumberOfFailedCheckpoints() {
        return numberOfFailed;
    }

    public int getNumberOfPendingCheckpoints() {
        return pending.size();
    }

    /** Counts, latest checkpoints and recent history, for the REST API. */
    public CheckpointStatsSnapshot getStatistics() {
        return statistics.snapshot();
    }

    /**
     * The job reached {@code status}: stops, aborts what is in progress, and deletes the retained
     * checkpoints unless the retention policy keeps them for this outcome (externalized checkpoints
     * survive cancellation with RETAIN_ON_CANCELLATION, and failure unless
     * NO_EXTERNALIZED_CHECKPOINTS).
     */
    public void shutdown(JobStatus status) {
        if (shutDown) {
            return;
        }
        stopCheckpointScheduler("the job is " + status);
        shutDown = true;
        boolean keep =
                switch (status) {
                    case CANCELED ->
                            retention == ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION;
                    case FAILED ->
                            retention
                                    != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
                    default -> false;
                };
        if (!keep) {
            while (!completed.isEmpty()) {
                discard(completed.removeFirst());
            }
            // Whatever is left in shared/ belongs to no checkpoint (uploads never acknowledged).
            deleteDirectory(sharedDirectory);
            if (jobDirectory != null) {
                try {
                    Files.deleteIfExists(jobDirectory);
                } catch (IOException e) {
                    // not empty (files of others) or gone: leave it
                }
            }
        } else if (!completed.isEmpty()) {
            LOG.info(
                    "Job {} is {}; its latest checkpoint is kept at {}",
                    jobId,
                    status,
                    completed.peekLast().externalPointer());
        }
    }

    private void discard(CompletedCheckpoint checkpoint) {
        if (checkpoint.externalPointer() != null) {
            deleteDirectory(Path.of(checkpoint.externalPointer()));
        }
        sharedState.release(sharedFiles(checkpoint));
    }

    /** The shared files a checkpoint references, each once. */
    private static Set<FileStateHandle> sharedFiles(CompletedCheckpoint checkpoint) {
        Set<FileStateHandle> files = new LinkedHashSet<>();
        for (OperatorState op : checkpoint.operators().values()) {
            for (OperatorSubtaskState subtask : op.subtasks().values()) {
                files.addAll(subtask.sharedState());
            }
        }
        return files;
    }

    private static Set<FileStateHandle> sharedFiles(TaskStateSnapshot ack) {
        Set<FileStateHandle> files = new LinkedHashSet<>();
        for (OperatorSubtaskState subtask : ack.operators().values()) {
            files.addAll(subtask.sharedState());
        }
        return files;
    }

    private static void deleteDirectory(Path dir) {
        try {
            FileUtils.deleteDirectory(dir);
        } catch (IOException e) {
            LOG.warn("Could not delete checkpoint directory {}: {}", dir, e.toString());
        }
    }

    private static final class PendingCheckpoint {
        final long id;
        final long timestamp;
        final boolean savepoint;
        final CheckpointType type;
        final Path directory;
        final CheckpointPlan plan;
        final Set<ExecutionAttemptID> notYetAcknowledged = new HashSet<>();
        final Map<ExecutionAttemptID, TaskStateSnapshot> acknowledged = new HashMap<>();
        final CompletableFuture<CompletedCheckpoint> future = new CompletableFuture<>();
        Map<String, byte[]> coordinatorStates;

        PendingCheckpoint(
                long id, long timestamp, CheckpointType type, Path directory, CheckpointPlan plan) {
            this.id = id;
            this.timestamp = timestamp;
            this.savepoint = type.isSavepoint();
            this.type = type;
            this.directory = directory;
            this.plan = plan;
            for (CheckpointTask t : plan.toAcknowledge()) {
                notYetAcknowledged.add(t.attempt());
            }
        }

        boolean isFullyAcknowledged() {
            return coordinatorStates != null && notYetAcknowledged.isEmpty();
        }

        String kind() {
            return savepoint ? "Savepoint" : "Checkpoint";
        }
    }
}
