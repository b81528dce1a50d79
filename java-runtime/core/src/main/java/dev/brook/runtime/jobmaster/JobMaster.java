package dev.brook.runtime.jobmaster;

import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.configuration.CheckpointingOptions;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.IllegalConfigurationException;
import dev.brook.configuration.JobManagerOptions;
import dev.brook.configuration.StateRecoveryOptions;
import dev.brook.runtime.checkpoint.CheckpointCoordinator;
import dev.brook.runtime.checkpoint.CheckpointException;
import dev.brook.runtime.checkpoint.CheckpointMetadata;
import dev.brook.runtime.checkpoint.CheckpointPlan;
import dev.brook.runtime.checkpoint.CheckpointStatsSnapshot;
import dev.brook.runtime.checkpoint.CheckpointType;
import dev.brook.runtime.checkpoint.CompletedCheckpoint;
import dev.brook.runtime.checkpoint.OperatorState;
import dev.brook.runtime.checkpoint.OperatorSubtaskState;
import dev.brook.runtime.checkpoint.TaskRestore;
import dev.brook.runtime.checkpoint.TaskStateSnapshot;
import dev.brook.runtime.clusterframework.ResourceID;
import dev.brook.runtime.deployment.TaskDeploymentDescriptor;
import dev.brook.runtime.execution.ExecutionState;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.executiongraph.failover.RestartBackoffTimeStrategy;
import dev.brook.runtime.executiongraph.failover.RestartBackoffTimeStrategyFactory;
import dev.brook.runtime.io.network.partition.ResultPartitionID;
import dev.brook.runtime.jobgraph.DistributionPattern;
import dev.brook.runtime.jobgraph.IntermediateDataSetID;
import dev.brook.runtime.jobgraph.JobEdge;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.runtime.jobgraph.JobVertexID;
import dev.brook.runtime.operators.coordination.OperatorCoordinator;
import dev.brook.runtime.operators.coordination.OperatorCoordinatorProvider;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.resourcemanager.ResourceManager;
import dev.brook.runtime.resourcemanager.SlotAssignment;
import dev.brook.runtime.taskexecutor.TaskExecutionState;
import dev.brook.runtime.taskexecutor.TaskExecutorGateway;
import dev.brook.runtime.util.DaemonThreadFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: expands the job graph into parallel subtasks, gets slots from the ResourceManager,
 * deploys the subtasks to TaskManagers, runs the operator coordinators, and follows the subtasks'
 * states to the job's end.
 *
 * <p>Threading model: all state lives on one main thread; gateway calls from TaskManagers and
 * coordinators are queued onto it.
 *
 * <p>Lifecycle (job status): CREATED → RUNNING → FINISHED; when a subtask fails and the restart
 * strategy allows another attempt, either only its pipelined region restarts (region failover, the
 * default, when the region is not the whole job: the job stays RUNNING) or the job goes RUNNING →
 * RESTARTING → RUNNING (every subtask is cancelled and, after the strategy's back-off, deployed
 * again as a new attempt into the same slots, with new operator coordinators); restarted subtasks
 * restore the latest completed checkpoint. When the strategy gives up, RUNNING → FAILING → FAILED;
 * RUNNING or RESTARTING → CANCELLING → CANCELED on cancellation. The allowed transitions are in
 * {@link #ALLOWED}.
 */
public final class JobMaster implements JobMasterGateway {

    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    static final Map<JobStatus, Set<JobStatus>> ALLOWED =
            Map.of(
                    JobStatus.CREATED,
                    EnumSet.of(JobStatus.RUNNING, JobStatus.FAILED, JobStatus.CANCELED),
                    JobStatus.RUNNING,
                    EnumSet.of(
                            JobStatus.FINISHED,
                            JobStatus.FAILING,
                            JobStatus.CANCELLING,
                            JobStatus.RESTARTING),
                    JobStatus.RESTARTING,
                    EnumSet.of(JobStatus.RUNNING, JobStatus.CANCELLING),
                    JobStatus.FAILING,
                    EnumSet.of(JobStatus.FAILED),
                    JobStatus.CANCELLING,
                    EnumSet.of(JobStatus.CANCELED));

    private final JobGraph jobGraph;
    private final ResourceManager resourceManager;
    private final ClassLoader userCodeClassLoader;
    private final Duration slotRequestTimeout;
    private final ExecutorService mainThread;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private final Map<JobVertexID, ExecutionVertex[]> executions = new LinkedHashMap<>();
    private final Map<IntermediateDataSetID, JobVertex> consumerOfDataSet = new HashMap<>();
    private final Map<IntermediateDataSetID, JobEdge> edgeOfDataSet = new HashMap<>();
    private final Map<String, OperatorCoordinator> coordinators = new HashMap<>();
    private final Map<String, JobVertex> vertexOfOperator = new HashMap<>();

    private volatile JobStatus status = JobStatus.CREATED;
    private final Map<JobStatus, Long> statusTimestamps = new HashMap<>();
    private Throwable failureCause;
    private long startTime;
    private final RestartBackoffTimeStrategy restartStrategy;
    private int restarts;

    /** A TaskManager holding slots of this job was lost: a restart needs new slots. */
    private boolean slotsLost;

    /** Null when checkpointing is off (or the job runs in BATCH mode). */
    private final CheckpointCoordinator checkpointCoordinator;

    /** The checkpoint the next deployment restores from; null for a fresh start. */
    private CompletedCheckpoint restoreFrom;

    /**
     * Region failover: each subtask's pipelined region (the subtasks connected to it by data
     * exchanges); null with the full failover strategy.
     */
    private final Map<ExecutionVertex, List<ExecutionVertex>> regions;

    /** Regions being cancelled for a restart, by identity. */
    private final Set<List<ExecutionVertex>> restartingRegions =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public JobMaster(
            JobGraph jobGraph,
            ResourceManager resourceManager,
            ClassLoader userCodeClassLoader,
            Duration slotRequestTimeout) {
        this.jobGraph = jobGraph;
        this.resourceManager = resourceManager;
        this.userCodeClassLoader = userCodeClassLoader;
        this.slotRequestTimeout = slotRequestTimeout;
        this.mainThread =
                Executors.newSingleThreadExecutor(
                        new DaemonThreadFactory("JobMaster-" + jobGraph.jobId()));
        for (JobVertex v : jobGraph.vertices()) {
            ExecutionVertex[] subtasks = new ExecutionVertex[v.parallelism()];
            for (int i = 0; i < subtasks.length; i++) {
                subtasks[i] = new ExecutionVertex(v, i);
            }
            executions.put(v.id(), subtasks);
            for (JobEdge e : v.inputs()) {
                consumerOfDataSet.put(e.dataSetId(), v);
                edgeOfDataSet.put(e.dataSetId(), e);
            }
        }
        statusTimestamps.put(JobStatus.CREATED, System.currentTimeMillis());
        Configuration conf = jobGraph.jobConfiguration();
        boolean checkpointing =
                CheckpointCoordinator.isCheckpointingEnabled(conf)
                        && jobGraph.executionMode() != RuntimeExecutionMode.BATCH;
        this.restartStrategy =
                RestartBackoffTimeStrategyFactory.create(
                        conf,
                        checkpointing,
                        () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
        String failover =
                conf.get(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY)
                        .trim()
                        .toLowerCase(java.util.Locale.ROOT);
        if (!failover.equals("region") && !failover.equals("full")) {
            throw new IllegalConfigurationException(
                    "Unknown failover strategy '"
                            + conf.get(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY)
                            + "' in "
                            + JobManagerOptions.EXECUTION_FAILOVER_STRATEGY.key()
                            + "; use region or full.");
        }
        this.regions = failover.equals("region") ? computeRegions() : null;
        this.checkpointCoordinator =
                checkpointing
                        ? new CheckpointCoordinator(
                                jobGraph.jobId(),
                                jobGraph.vertices(),
                                conf,
                                mainThread,
                                new CheckpointCoordinator.JobAccess() {
                                    @Override
                                    public CheckpointPlan plan() {
                                        return checkpointPlan();
                                    }

                                    @Override
                                    public Map<String, OperatorCoordinator> operatorCoordinators() {
                                        return coordinators;
                                    }

                                    @Override
                                    public void failJob(Throwable cause) {
                                        fail(cause);
                                    }
                                })
                        : null;
    }

    /**
     * The pipelined regions: subtasks joined by an edge (all producers and consumers of an
     * all-to-all edge, the paired subtasks of a pointwise one) are in the same region.
     */
    private Map<ExecutionVertex, List<ExecutionVertex>> computeRegions() {
        Map<ExecutionVertex, ExecutionVertex> parent = new HashMap<>();
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                parent.put(ev, ev);
            }
        }
        for (JobVertex v : jobGraph.vertices()) {
            ExecutionVertex[] consumers = executions.get(v.id());
            for (JobEdge e : v.inputs()) {
                ExecutionVertex[] producers = executions.get(e.source());
                if (e.pattern() == DistributionPattern.ALL_TO_ALL) {
                    for (ExecutionVertex p : producers) {
                        union(parent, p, consumers[0]);
                    }
                    for (ExecutionVertex c : consumers) {
                        union(parent, producers[0], c);
                    }
                } else {
                    for (ExecutionVertex c : consumers) {
                        for (int k :
                                Pointwise.producersOf(
                                        c.subtaskIndex, producers.length, consumers.length)) {
                            union(parent, producers[k], c);
                        }
                    }
                }
            }
        }
        Map<ExecutionVertex, List<ExecutionVertex>> byRoot = new HashMap<>();
        Map<ExecutionVertex, List<ExecutionVertex>> result = new HashMap<>();
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                List<ExecutionVertex> region =
                        byRoot.computeIfAbsent(root(parent, ev), r -> new ArrayList<>());
                region.add(ev);
                result.put(ev, region);
            }
        }
        return result;
    }

    private static ExecutionVertex root(
            Map<ExecutionVertex, ExecutionVertex> parent, ExecutionVertex ev) {
        ExecutionVertex r = ev;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        parent.put(ev, r);
        return r;
    }

    private static void union(
            Map<ExecutionVertex, ExecutionVertex> parent, ExecutionVertex a, ExecutionVertex b) {
        parent.put(root(parent, a), root(parent, b));
    }

    public JobID getJobId() {
        return jobGraph.jobId();
    }

    public String getJobName() {
        return jobGraph.name();
    }

    public JobStatus getStatus() {
        return status;
    }

    public long getStartTime() {
        return statusTimestamps.getOrDefault(JobStatus.CREATED, 0L);
    }

    public CompletableFuture<JobResult> getResultFuture() {
        return result;
    }

    public void start() {
        mainThread.execute(this::startInternal);
    }

    public void cancel() {
        mainThread.execute(this::cancelInternal);
    }

    /**
     * A TaskManager died or stopped heart-beating: its attempts of this job are lost (they cannot
     * report any more), and the job fails over onto the slots that remain.
     */
    public void taskManagerLost(ResourceID taskManager, Exception cause) {
        try {
            mainThread.execute(() -> onTaskManagerLost(taskManager, cause));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the job has just ended: nothing of it is left to lose
        }
    }

    @Override
    public void updateTaskExecutionState(TaskExecutionState state) {
        mainThread.execute(() -> onTaskState(state));
    }

    @Override
    public void sendOperatorEventToCoordinator(
            ExecutionAttemptID sender, String operatorId, OperatorEvent event) {
        mainThread.execute(
                () -> {
                    OperatorCoordinator c = coordinators.get(operatorId);
                    // Events of an attempt that a restart has replaced are dropped.
                    if (c == null || status != JobStatus.RUNNING || find(sender) == null) {
                        return;
                    }
                    try {
                        c.handleEventFromOperator(sender.subtaskIndex(), event);
                    } catch (Exception e) {
                        fail(e);
                    }
                });
    }

    @Override
    public void acknowledgeCheckpoint(
            ExecutionAttemptID attemptId, long checkpointId, TaskStateSnapshot state) {
        mainThread.execute(
                () -> {
                    if (checkpointCoordinator != null) {
                        checkpointCoordinator.acknowledgeCheckpoint(attemptId, checkpointId, state);
                    }
                });
    }

    @Override
    public void declineCheckpoint(
            ExecutionAttemptID attemptId, long checkpointId, Throwable cause) {
        mainThread.execute(
                () -> {
                    if (checkpointCoordinator != null) {
                        checkpointCoordinator.declineCheckpoint(attemptId, checkpointId, cause);
                    }
                });
    }

    /**
     * Triggers a savepoint into a new directory under {@code directory} (or the configured
     * default); completes with the savepoint's directory.
     */
    public CompletableFuture<String> triggerSavepoint(String directory) {
        CompletableFuture<String> result = new CompletableFuture<>();
        mainThread.execute(
                () -> {
                    if (checkpointCoordinator == null) {
                        result.completeExceptionally(
                                new CheckpointException(
                                        "Savepoints need checkpointing: set "
                                                + CheckpointingOptions.CHECKPOINTING_INTERVAL.key()
                                                + " (the job runs in "
                                                + jobGraph.executionMode()
                                                + " mode)."));
                        return;
                    }
                    checkpointCoordinator
                            .triggerCheckpoint(CheckpointType.SAVEPOINT, savepointTarget(directory))
                            .whenComplete(
                                    (cp, error) -> {
                                        if (error != null) {
                                            result.completeExceptionally(error);
                                        } else {
                                            result.complete(cp.externalPointer());
                                        }
                                    });
                });
        return result;
    }

    /**
     * Stops the job with a savepoint ({@code flink stop}): sources emit nothing after its barrier
     * (with {@code drain}, event time first advances to its end), and once it is complete every
     * task ends without finishing its operators, so the job is FINISHED and resumes from the
     * savepoint as if it had not stopped. Completes with the savepoint's directory; if the
     * savepoint fails, the job goes on.
     */
    public CompletableFuture<String> stopWithSavepoint(String directory, boolean drain) {
        CompletableFuture<String> result = new CompletableFuture<>();
        mainThread.execute(
                () -> {
                    if (checkpointCoordinator == null) {
                        result.completeExceptionally(
                                new CheckpointException(
                                        "Stopping with a savepoint needs checkpointing: set "
                                                + CheckpointingOptions.CHECKPOINTING_INTERVAL.key()
                                                + " (the job runs in "
                                                + jobGraph.executionMode()
                                                + " mode)."));
                        return;
                    }
                    checkpointCoordinator.stopCheckpointScheduler("the job stops with a savepoint");
                    checkpointCoordinator
                            .triggerCheckpoint(
                                    drain
                                            ? CheckpointType.SAVEPOINT_TERMINATE
                                            : CheckpointType.SAVEPOINT_SUSPEND,
                                    savepointTarget(directory))
                            .whenCompleteAsync(
                                    (cp, error) -> {
                                        if (error != null) {
                                            if (status == JobStatus.RUNNING) {
                                                checkpointCoordinator.startCheckpointScheduler();
                                            }
                                            result.completeExceptionally(error);
                                        } else {
                                            result.complete(cp.externalPointer());
                                        }
                                    },
                                    mainThread);
                });
        return result;
    }

    private String savepointTarget(String directory) {
        return directory != null
                ? directory
                : jobGraph.jobConfiguration()
                        .getOptional(CheckpointingOptions.SAVEPOINT_DIRECTORY)
                        .orElse(null);
    }

    // ---------------------------------------------------------------- queries (REST API)

    /** Failures of subtasks, oldest first. Main thread only. */
    private final ArrayDeque<JobDetailsSnapshot.ExceptionEntry> exceptionHistory =
            new ArrayDeque<>();

    private boolean exceptionHistoryTruncated;

    /** The job's status, vertices and failures now. */
    public CompletableFuture<JobDetailsSnapshot> requestJobDetails() {
        return query(this::jobDetails);
    }

    /**
     * The job's checkpoint statistics now, with what its tasks last restored from; completes with
     * null when the job takes no checkpoints.
     */
    public CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStatistics() {
        return query(this::checkpointStatistics);
    }

    /**
     * The job's metrics now: running subtasks' from their TaskManagers, ended subtasks' as they
     * ended.
     */
    public CompletableFuture<JobMetricsSnapshot> requestMetrics() {
        return query(this::metricSources)
                .thenCompose(
                        sources -> {
                            List<CompletableFuture<Map<ExecutionAttemptID, Map<String, String>>>>
                                    live = new ArrayList<>();
                            for (TaskExecutorGateway te : sources.taskExecutors()) {
                                live.add(
                                        te.requestJobMetrics(getJobId())
                                                .exceptionally(
                                                        e -> {
                                                            LOG.debug(
                                                                    "Metrics of job {} from {}"
                                                                            + " failed",
                                                                    getJobId(),
                                                                    te.getLocation(),
                                                                    e);
                                                            return Map.of();
                                                        }));
                            }
                            return CompletableFuture.allOf(
                                            live.toArray(new CompletableFuture<?>[0]))
                                    .thenApply(
                                            ignored -> {
                                                Map<ExecutionAttemptID, Map<String, String>>
                                                        running = new HashMap<>();
                                                live.forEach(f -> running.putAll(f.join()));
                                                return sources.combine(running);
                                            });
                        });
    }

    /**
     * Where each subtask's metrics come from: its running attempt, or the metrics it ended with.
     */
    private record SubtaskMetrics(ExecutionAttemptID attempt, Map<String, String> ended) {}

    private record MetricSources(
            Map<String, String> job,
            Set<TaskExecutorGateway> taskExecutors,
            Map<JobVertexID, List<SubtaskMetrics>> subtasks) {

        JobMetricsSnapshot combine(Map<ExecutionAttemptID, Map<String, String>> running) {
            Map<JobVertexID, List<Map<String, String>>> metrics = new LinkedHashMap<>();
            subtasks.forEach(
                    (vertex, list) ->
                            metrics.put(
                                    vertex,
                                    list.stream()
                                            .map(
                                                    s ->
                                                            s.ended() != null
                                                                    ? s.ended()
                                                                    : running.getOrDefault(
                                                                            s.attempt(), Map.of()))
                                            .toList()));
            return new JobMetricsSnapshot(job, metrics);
        }
    }

    private MetricSources metricSources() {
        Set<TaskExecutorGateway> taskExecutors = new HashSet<>();
        Map<JobVertexID, List<SubtaskMetrics>> subtasks = new LinkedHashMap<>();
        for (Map.Entry<JobVertexID, ExecutionVertex[]> e : executions.entrySet()) {
            List<SubtaskMetrics> list = new ArrayList<>();
            for (ExecutionVertex ev : e.getValue()) {
                list.add(new SubtaskMetrics(ev.attemptId(), ev.finalMetrics));
                if (ev.finalMetrics == null && ev.slot != null && !ev.state.isTerminal()) {
                    taskExecutors.add(ev.slot.taskExecutor());
                }
            }
            subtasks.put(e.getKey(), list);
        }
        Map<String, String> job = new TreeMap<>();
        Long running = statusTimestamps.get(JobStatus.RUNNING);
        long uptime =
                status == JobStatus.RUNNING && running != null
                        ? System.currentTimeMillis() - running
                        : status.isTerminalState() ? -1 : 0;
        job.put("uptime", Long.toString(uptime));
        job.put("numRestarts", Integer.toString(restarts));
        return new MetricSources(job, taskExecutors, subtasks);
    }

    /**
     * Runs {@code query} on the main thread, so it sees consistent state. Once the job has ended,
     * {@link #finish()} has shut the main thread down and the state no longer changes: the query
     * then runs on the caller's thread after the main thread has terminated.
     */
    private <T> CompletableFuture<T> query(Supplier<T> query) {
        try {
            return CompletableFuture.supplyAsync(query, mainThread);
        } catch (RejectedExecutionException ended) {
            try {
                if (!mainThread.awaitTermination(10, TimeUnit.SECONDS)) {
                    return CompletableFuture.failedFuture(
                            new IllegalStateException(
                                    "The JobMaster of job " + getJobId() + " did not shut down."));
                }
                return CompletableFuture.completedFuture(query.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(e);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    private void recordTaskFailure(ExecutionVertex ev, Throwable error) {
        exceptionHistory.addLast(
                new JobDetailsSnapshot.ExceptionEntry(
                        error,
                        System.currentTimeMillis(),
                        ev.jobVertex.name()
                                + " ("
                                + (ev.subtaskIndex + 1)
                                + "/"
                                + ev.jobVertex.parallelism()
                                + ")",
                        ev.slot == null ? null : ev.slot.taskExecutor().getLocation()));
        if (exceptionHistory.size() > JobDetailsSnapshot.MAX_EXCEPTION_HISTORY) {
            exceptionHistory.removeFirst();
            exceptionHistoryTruncated = true;
        }
    }

    private JobDetailsSnapshot jobDetails() {
        List<JobDetailsSnapshot.Vertex> vertices = new ArrayList<>();
        for (JobVertex v : jobGraph.vertices()) {
            EnumMap<ExecutionState, Integer> counts = new EnumMap<>(ExecutionState.class);
            for (ExecutionState s : ExecutionState.values()) {
                counts.put(s, 0);
            }
            long start = Long.MAX_VALUE;
            long end = -1;
            boolean allEnded = true;
            for (ExecutionVertex ev : executions.get(v.id())) {
                counts.merge(ev.state, 1, Integer::sum);
                long deploying = ev.stateTimestamps[ExecutionState.DEPLOYING.ordinal()];
                if (deploying > 0) {
                    start = Math.min(start, deploying);
                }
                if (ev.state.isTerminal()) {
                    end = Math.max(end, ev.stateTimestamps[ev.state.ordinal()]);
                } else {
                    allEnded = false;
                }
            }
            vertices.add(
                    new JobDetailsSnapshot.Vertex(
                            v.id(),
                            v.name(),
                            v.parallelism(),
                            v.maxParallelism(),
                            v.slotSharingGroup(),
                            v.inputs(),
                            aggregateState(counts, v.parallelism()),
                            start == Long.MAX_VALUE ? -1 : start,
                            allEnded ? end : -1,
                            counts));
        }
        return new JobDetailsSnapshot(
                getJobId(),
                jobGraph.name(),
                status,
                jobGraph.executionMode(),
                getStartTime(),
                status.isTerminalState() ? statusTimestamps.get(status) : -1,
                System.currentTimeMillis(),
                statusTimestamps,
                vertices,
                status == JobStatus.FAILED ? failureCause : null,
                List.copyOf(exceptionHistory),
                exceptionHistoryTruncated);
    }

    /** The state that sums up a vertex's subtasks, by Flink's precedence. */
    private static ExecutionState aggregateState(
            Map<ExecutionState, Integer> counts, int parallelism) {
        for (ExecutionState s :
                List.of(
                        ExecutionState.FAILED,
                        ExecutionState.CANCELING,
                        ExecutionState.CANCELED,
                        ExecutionState.INITIALIZING,
                        ExecutionState.RUNNING)) {
            if (counts.get(s) > 0) {
                return s;
            }
        }
        int finished = counts.get(ExecutionState.FINISHED);
        if (finished > 0) {
            return finished == parallelism ? ExecutionState.FINISHED : ExecutionState.RUNNING;
        }
        for (ExecutionState s : List.of(ExecutionState.DEPLOYING, ExecutionState.SCHEDULED)) {
            if (counts.get(s) > 0) {
                return s;
            }
        }
        return ExecutionState.CREATED;
    }

    private CheckpointStatsSnapshot checkpointStatistics() {
        if (checkpointCoordinator == null) {
            return null;
        }
        CheckpointStatsSnapshot stats = checkpointCoordinator.getStatistics();
        if (restoreFrom == null) {
            return stats;
        }
        long latestAttemptCreated = 0;
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                latestAttemptCreated =
                        Math.max(
                                latestAttemptCreated,
                                ev.stateTimestamps[ExecutionState.CREATED.ordinal()]);
            }
        }
        boolean fromSavepoint =
                jobGraph.jobConfiguration()
                        .getOptional(StateRecoveryOptions.SAVEPOINT_PATH)
                        .isPresent();
        return stats.withRestored(
                restarts + (fromSavepoint ? 1 : 0),
                new CheckpointStatsSnapshot.RestoredCheckpoint(
                        restoreFrom.checkpointId(),
                        latestAttemptCreated,
                        restoreFrom.savepoint(),
                        restoreFrom.externalPointer()));
    }

    // ---------------------------------------------------------------- main thread

    private boolean transitionJob(JobStatus next) {
        Set<JobStatus> allowed = ALLOWED.getOrDefault(status, Set.of());
        if (!allowed.contains(next)) {
            return false;
        }
        LOG.info("Job {} ({}) switched from {} to {}.", jobGraph.name(), getJobId(), status, next);
        status = next;
        statusTimestamps.put(next, System.currentTimeMillis());
        return true;
    }

    private void startInternal() {
        startTime = System.currentTimeMillis();
        try {
            // Before RUNNING: a savepoint that does not fit fails the job, never restarts it.
            restoreFrom = loadInitialState();
        } catch (Exception e) {
            fail(e);
            return;
        }
        if (!transitionJob(JobStatus.RUNNING)) {
            return;
        }
        try {
            startCoordinators();
        } catch (Exception e) {
            fail(e);
            return;
        }
        resourceManager
                .requestSlots(
                        getJobId(), jobGraph.name(), jobGraph.requiredSlots(), slotRequestTimeout)
                .whenCompleteAsync(
                        (slots, error) -> {
                            if (error != null) {
                                fail(error);
                            } else if (status != JobStatus.RUNNING) {
                                resourceManager.releaseSlots(getJobId());
                                checkAllTerminal();
                            } else {
                                assignSlots(slots);
                                deployAll();
                            }
                        },
                        mainThread);
    }

    /**
     * The savepoint or retained checkpoint of {@code execution.state-recovery.path}, checked
     * against the job: every operator state must belong to an operator of the job unless unclaimed
     * state may be ignored. Null when the job starts fresh.
     */
    private CompletedCheckpoint loadInitialState() throws IOException {
        Configuration conf = jobGraph.jobConfiguration();
        String path = conf.getOptional(StateRecoveryOptions.SAVEPOINT_PATH).orElse(null);
        if (path == null) {
            return null;
        }
        CompletedCheckpoint checkpoint = CheckpointMetadata.load(path);
        Set<String> known = new HashSet<>();
        for (JobVertex v : jobGraph.vertices()) {
            known.addAll(v.operatorIds());
        }
        if (!conf.get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE)) {
            for (OperatorState op : checkpoint.operators().values()) {
                if (!known.contains(op.operatorId()) && op.getStateSize() > 0) {
                    throw new IllegalStateException(
                            "Cannot restore from "
                                    + path
                                    + ": it holds state of operator '"
                                    + op.operatorId()
                                    + "', which is not in this job (give operators the same"
                                    + " uid() as before, or skip that state with"
                                    + " --allowNonRestoredState).");
                }
            }
        }
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                restoreFor(ev, checkpoint);
            }
        }
        LOG.info("Job {} ({}) restores from {}", jobGraph.name(), getJobId(), path);
        return checkpoint;
    }

    private void startCoordinators() throws Exception {
        for (JobVertex v : jobGraph.vertices()) {
            for (OperatorCoordinatorProvider provider : v.coordinators()) {
                vertexOfOperator.put(provider.operatorId(), v);
                OperatorCoordinator c = provider.create(new CoordinatorContext(v, provider));
                coordinators.put(provider.operatorId(), c);
                if (restoreFrom != null) {
                    OperatorState state = restoreFrom.operators().get(provider.operatorId());
                    c.resetToCheckpoint(
                            restoreFrom.checkpointId(),
                            state == null ? null : state.coordinatorState());
                }
            }
        }
        for (OperatorCoordinator c : coordinators.values()) {
            c.start();
        }
    }

    private void assignSlots(List<SlotAssignment> slots) {
        Map<String, Integer> groupOffset = new HashMap<>();
        int next = 0;
        for (JobVertex v : jobGraph.vertices()) {
            String group = v.slotSharingGroup();
            Integer offset = groupOffset.get(group);
            if (offset == null) {
                offset = next;
                groupOffset.put(group, offset);
                int width = 0;
                for (JobVertex other : jobGraph.vertices()) {
                    if (other.slotSharingGroup().equals(group)) {
                        width = Math.max(width, other.parallelism());
                    }
                }
                next += width;
            }
            for (ExecutionVertex ev : executions.get(v.id())) {
                ev.slot = slots.get(offset + ev.subtaskIndex);
            }
        }
    }

    private void deployAll() {
        // Producers are deployed before their consumers (vertices are in topological order),
        // so a consumer always finds its producers' partitions registered.
        for (JobVertex v : jobGraph.vertices()) {
            for (ExecutionVertex ev : executions.get(v.id())) {
                if (status != JobStatus.RUNNING) {
                    return;
                }
                deploy(ev);
            }
        }
    }

    private void deploy(ExecutionVertex ev) {
        ev.transitionTo(ExecutionState.SCHEDULED);
        ev.transitionTo(ExecutionState.DEPLOYING);
        TaskDeploymentDescriptor tdd;
        try {
            tdd = createDeploymentDescriptor(ev);
        } catch (RuntimeException e) {
            ev.transitionTo(ExecutionState.FAILED);
            fail(e);
            return;
        }
        ExecutionAttemptID attempt = ev.attemptId();
        ev.slot
                .taskExecutor()
                .submitTask(tdd, this)
                .whenCompleteAsync(
                        (ok, error) -> {
                            if (error != null) {
                                onTaskState(
                                        new TaskExecutionState(
                                                getJobId(), attempt, ExecutionState.FAILED, error));
                            }
                        },
                        mainThread);
    }

    private TaskDeploymentDescriptor createDeploymentDescriptor(ExecutionVertex ev) {
        JobVertex v = ev.jobVertex;
        int i = ev.subtaskIndex;
        List<TaskDeploymentDescriptor.ProducedPartition> produced = new ArrayList<>();
        for (IntermediateDataSetID ds : v.producedDataSets()) {
            JobVertex consumer = consumerOfDataSet.get(ds);
            JobEdge edge = edgeOfDataSet.get(ds);
            int n =
                    edge.pattern() == DistributionPattern.ALL_TO_ALL
                            ? consumer.parallelism()
                            : Pointwise.consumersOf(i, v.parallelism(), consumer.parallelism())
                                    .size();
            produced.add(
                    new TaskDeploymentDescriptor.ProducedPartition(
                            new ResultPartitionID(ds, ev.attemptId()), n));
        }
        List<TaskDeploymentDescriptor.InputGate> gates = new ArrayList<>();
        for (JobEdge edge : v.inputs()) {
            ExecutionVertex[] producers = executions.get(edge.source());
            List<TaskDeploymentDescriptor.InputChannel> channels = new ArrayList<>();
            if (edge.pattern() == DistributionPattern.ALL_TO_ALL) {
                for (ExecutionVertex p : producers) {
                    channels.add(channel(edge, p, i));
                }
            } else {
                for (int k : Pointwise.producersOf(i, producers.length, v.parallelism())) {
                    int sub =
                            Pointwise.consumersOf(k, producers.length, v.parallelism()).indexOf(i);
                    channels.add(channel(edge, producers[k], sub));
                }
            }
            gates.add(new TaskDeploymentDescriptor.InputGate(channels));
        }
        return new TaskDeploymentDescriptor(
                getJobId(),
                jobGraph.name(),
                ev.attemptId(),
                v.name(),
                v.parallelism(),
                v.maxParallelism(),
                v.taskConfig(),
                produced,
                gates,
                jobGraph.jobConfiguration(),
                restoreFrom == null ? null : restoreFor(ev, restoreFrom));
    }

    /**
     * What subtask {@code ev} restores from {@code checkpoint}: per operator of its chain, its own
     * old state at the same parallelism (all old states when there is union list state), or all old
     * states after a change of parallelism (the task keeps its key groups and its share of the
     * operator state). A subtask that had finished stays finished; an operator whose subtasks had
     * partly finished cannot change its parallelism.
     */
    private static TaskRestore restoreFor(ExecutionVertex ev, CompletedCheckpoint checkpoint) {
        JobVertex v = ev.jobVertex;
        int i = ev.subtaskIndex;
        Map<String, TaskRestore.OperatorRestore> operators = new HashMap<>();
        boolean finished = false;
        for (String operatorId : v.operatorIds()) {
            OperatorState state = checkpoint.operators().get(operatorId);
            if (state == null) {
                continue;
            }
            if (state.maxParallelism() != v.maxParallelism()) {
                throw new IllegalStateException(
                        "Cannot restore operator '"
                                + operatorId
                                + "' of "
                                + v.name()
                                + ": its max parallelism was "
                                + state.maxParallelism()
                                + " and is now "
                                + v.maxParallelism()
                                + ". Keyed state is split into max-parallelism key groups, so it"
                                + " must stay the same (setMaxParallelism).");
            }
            Map<Integer, OperatorSubtaskState> subtasks;
            if (state.parallelism() == v.parallelism()) {
                OperatorSubtaskState own = state.subtasks().get(i);
                finished |= own != null && own.finished();
                boolean union =
                        state.subtasks().values().stream()
                                .anyMatch(OperatorSubtaskState::hasUnionState);
                subtasks = union ? state.subtasks() : own == null ? Map.of() : Map.of(i, own);
            } else {
                // At another parallelism a subtask is finished only if all were: the state of
                // finished subtasks is empty (a finished source has no splits left), so the new
                // subtasks run and simply find nothing more to do for them.
                finished |= state.isFullyFinished();
                subtasks = state.subtasks();
            }
            operators.put(
                    operatorId, new TaskRestore.OperatorRestore(state.parallelism(), subtasks));
        }
        return new TaskRestore(checkpoint.checkpointId(), operators, finished);
    }

    /**
     * Who takes part in a checkpoint now: null while some subtask is not running (or finished).
     * Sources and running tasks whose producers have all finished are triggered directly.
     */
    private CheckpointPlan checkpointPlan() {
        if (status != JobStatus.RUNNING) {
            return null;
        }
        List<CheckpointPlan.CheckpointTask> trigger = new ArrayList<>();
        List<CheckpointPlan.CheckpointTask> acknowledge = new ArrayList<>();
        List<CheckpointPlan.CheckpointTask> finished = new ArrayList<>();
        for (JobVertex v : jobGraph.vertices()) {
            for (ExecutionVertex ev : executions.get(v.id())) {
                CheckpointPlan.CheckpointTask task =
                        new CheckpointPlan.CheckpointTask(
                                ev.attemptId(), v, ev.slot == null ? null : ev.slot.taskExecutor());
                if (ev.state == ExecutionState.FINISHED) {
                    finished.add(task);
                } else if (ev.state == ExecutionState.RUNNING) {
                    acknowledge.add(task);
                    if (allProducersFinished(ev)) {
                        trigger.add(task);
                    }
                } else {
                    return null;
                }
            }
        }
        return new CheckpointPlan(trigger, acknowledge, finished);
    }

    private boolean allProducersFinished(ExecutionVertex ev) {
        JobVertex v = ev.jobVertex;
        for (JobEdge edge : v.inputs()) {
            ExecutionVertex[] producers = executions.get(edge.source());
            Iterable<Integer> indexes =
                    edge.pattern() == DistributionPattern.ALL_TO_ALL
                            ? java.util.stream.IntStream.range(0, producers.length).boxed().toList()
                            : Pointwise.producersOf(
                                    ev.subtaskIndex, producers.length, v.parallelism());
            for (int k : indexes) {
                if (producers[k].state != ExecutionState.FINISHED) {
                    return false;
                }
            }
        }
        return true;
    }

    private static TaskDeploymentDescriptor.InputChannel channel(
            JobEdge edge, ExecutionVertex producer, int subpartition) {
        return new TaskDeploymentDescriptor.InputChannel(
                new ResultPartitionID(edge.dataSetId(), producer.attemptId()),
                subpartition,
                producer.slot.taskExecutor().getLocation());
    }

    private ExecutionVertex find(ExecutionAttemptID id) {
        ExecutionVertex[] subtasks = executions.get(id.vertexId());
        if (subtasks == null || id.subtaskIndex() >= subtasks.length) {
            return null;
        }
        ExecutionVertex ev = subtasks[id.subtaskIndex()];
        return ev.attemptNumber == id.attemptNumber() ? ev : null;
    }

    private void onTaskManagerLost(ResourceID taskManager, Exception cause) {
        List<ExecutionVertex> lost = new ArrayList<>();
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                if (ev.slot != null
                        && ev.slot.taskExecutor().getLocation().resourceId().equals(taskManager)) {
                    slotsLost = true;
                    lost.add(ev);
                }
            }
        }
        if (lost.isEmpty()) {
            return;
        }
        LOG.info(
                "Job {} ({}) lost {} subtasks with TaskManager {}.",
                jobGraph.name(),
                getJobId(),
                lost.size(),
                taskManager);
        for (ExecutionVertex ev : lost) {
            if (!ev.state.isTerminal()) {
                onTaskState(
                        new TaskExecutionState(
                                getJobId(), ev.attemptId(), ExecutionState.FAILED, cause));
            }
        }
        if (status == JobStatus.RUNNING) {
            // Finished subtasks on the lost TaskManager took their output with them.
            fail(cause);
        }
    }

    private void onTaskState(TaskExecutionState report) {
        ExecutionVertex ev = find(report.attemptId());
        if (ev == null) {
            return;
        }
        if (report.metrics() != null) {
            ev.finalMetrics = report.metrics();
        }
        ExecutionState next = report.state();
        if (ev.state == ExecutionState.CANCELING && next == ExecutionState.FAILED) {
            next = ExecutionState.CANCELED;
        }
        if (!ev.transitionTo(next)) {
            return;
        }
        if (next == ExecutionState.FAILED) {
            recordTaskFailure(ev, report.error());
            failTask(ev, report.error());
        } else if (checkpointCoordinator != null && status == JobStatus.RUNNING) {
            if (next == ExecutionState.FINISHED) {
                checkpointCoordinator.taskFinished(report.attemptId());
            }
            if ((next == ExecutionState.RUNNING || next == ExecutionState.FINISHED)
                    && allRunningOrFinished()) {
                checkpointCoordinator.startCheckpointScheduler();
            }
        }
        if (!restartingRegions.isEmpty()) {
            scheduleTerminatedRegionRestarts();
        }
        checkAllTerminal();
    }

    /** Every subtask has started (some may have finished already, e.g. short sources). */
    private boolean allRunningOrFinished() {
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                if (ev.state != ExecutionState.RUNNING && ev.state != ExecutionState.FINISHED) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A failure of the job as a whole (or of a task under the full failover strategy). */
    private void fail(Throwable cause) {
        if (status == JobStatus.RUNNING && checkpointCoordinator != null) {
            checkpointCoordinator.stopCheckpointScheduler("a task failed");
        }
        if (status == JobStatus.RUNNING) {
            restartStrategy.notifyFailure(cause);
            if (restartStrategy.canRestart()) {
                LOG.info(
                        "Job {} ({}) failed and restarts: {}",
                        jobGraph.name(),
                        getJobId(),
                        String.valueOf(cause));
                restartingRegions.clear();
                transitionJob(JobStatus.RESTARTING);
                cancelAllExecutions();
                checkAllTerminal();
                return;
            }
            failPermanently(cause);
        } else if (status == JobStatus.CREATED) {
            failureCause = cause;
            transitionJob(JobStatus.FAILED);
            finish();
        }
    }

    /** The restart strategy gives up: the job fails with {@code cause}. */
    private void failPermanently(Throwable cause) {
        failureCause =
                restarts == 0
                        ? cause
                        : new JobRestartsExhaustedException(
                                "The job failed after "
                                        + restarts
                                        + (restarts == 1 ? " restart" : " restarts")
                                        + "; recovery is suppressed by "
                                        + restartStrategy,
                                cause);
        LOG.info("Job {} ({}) failed: {}", jobGraph.name(), getJobId(), String.valueOf(cause));
        restartingRegions.clear();
        transitionJob(JobStatus.FAILING);
        cancelAllExecutions();
        checkAllTerminal();
    }

    /**
     * A task failed. With region failover and a region smaller than the job, only that region
     * restarts (the job stays RUNNING); otherwise the whole job does.
     */
    private void failTask(ExecutionVertex ev, Throwable cause) {
        List<ExecutionVertex> region = regions == null ? null : regions.get(ev);
        if (status != JobStatus.RUNNING
                || region == null
                || region.size() == regions.size()
                || slotsLost) {
            fail(cause);
            return;
        }
        if (restartingRegions.contains(region)) {
            return; // the region is being restarted already
        }
        if (checkpointCoordinator != null) {
            checkpointCoordinator.stopCheckpointScheduler("a region fails over");
        }
        restartStrategy.notifyFailure(cause);
        if (!restartStrategy.canRestart()) {
            failPermanently(cause);
            return;
        }
        LOG.info(
                "Job {} ({}): {} failed; its region of {} subtasks restarts: {}",
                jobGraph.name(),
                getJobId(),
                ev.jobVertex.name(),
                region.size(),
                String.valueOf(cause));
        restartingRegions.add(region);
        for (ExecutionVertex member : region) {
            cancelExecution(member);
        }
    }

    /** Regions whose subtasks have all ended are redeployed after the strategy's back-off. */
    private void scheduleTerminatedRegionRestarts() {
        for (List<ExecutionVertex> region : new ArrayList<>(restartingRegions)) {
            if (region.stream().allMatch(m -> m.state.isTerminal())) {
                restartingRegions.remove(region);
                CompletableFuture.delayedExecutor(
                                restartStrategy.getBackoffTime(), TimeUnit.MILLISECONDS, mainThread)
                        .execute(() -> restartRegion(region));
            }
        }
    }

    /**
     * Deploys the region's subtasks again as new attempts, restored from the latest completed
     * checkpoint; source coordinators hand out again what they gave those subtasks after it.
     */
    private void restartRegion(List<ExecutionVertex> region) {
        if (status != JobStatus.RUNNING) {
            return; // the job failed or was cancelled meanwhile
        }
        restarts++;
        if (checkpointCoordinator != null
                && checkpointCoordinator.getLatestCompletedCheckpoint() != null) {
            restoreFrom = checkpointCoordinator.getLatestCompletedCheckpoint();
        }
        long checkpointId = restoreFrom == null ? -1 : restoreFrom.checkpointId();
        for (ExecutionVertex ev : region) {
            ev.startNewAttempt();
            for (OperatorCoordinatorProvider provider : ev.jobVertex.coordinators()) {
                OperatorCoordinator c = coordinators.get(provider.operatorId());
                try {
                    c.subtaskReset(ev.subtaskIndex, checkpointId);
                } catch (Exception e) {
                    fail(e);
                    return;
                }
            }
        }
        // Producers before consumers, as in a full deployment.
        for (JobVertex v : jobGraph.vertices()) {
            for (ExecutionVertex ev : executions.get(v.id())) {
                if (region.contains(ev) && status == JobStatus.RUNNING) {
                    deploy(ev);
                }
            }
        }
    }

    private void cancelInternal() {
        if (status == JobStatus.CREATED) {
            transitionJob(JobStatus.CANCELED);
            finish();
        } else if (transitionJob(JobStatus.CANCELLING)) {
            if (checkpointCoordinator != null) {
                checkpointCoordinator.stopCheckpointScheduler("the job is cancelled");
            }
            cancelAllExecutions();
            checkAllTerminal();
        }
    }

    private void cancelAllExecutions() {
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                cancelExecution(ev);
            }
        }
    }

    private void cancelExecution(ExecutionVertex ev) {
        if (ev.state.isTerminal()) {
            return;
        }
        if (ev.state == ExecutionState.CREATED || ev.state == ExecutionState.SCHEDULED) {
            ev.transitionTo(ExecutionState.CANCELED);
        } else if (ev.transitionTo(ExecutionState.CANCELING)) {
            ev.slot.taskExecutor().cancelTask(ev.attemptId());
        }
    }

    private void checkAllTerminal() {
        boolean allFinished = true;
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                if (!ev.state.isTerminal()) {
                    return;
                }
                allFinished &= ev.state == ExecutionState.FINISHED;
            }
        }
        switch (status) {
            case RUNNING -> {
                if (allFinished) {
                    transitionJob(JobStatus.FINISHED);
                    finish();
                }
            }
            case FAILING -> {
                transitionJob(JobStatus.FAILED);
                finish();
            }
            case CANCELLING -> {
                transitionJob(JobStatus.CANCELED);
                finish();
            }
            case RESTARTING -> scheduleRestart();
            default -> {}
        }
    }

    /**
     * Every subtask of the failed attempt has ended: closes the coordinators and, after the
     * strategy's back-off, starts the job again as new attempts in the same slots, from the latest
     * completed checkpoint (or the savepoint it started from, or the beginning).
     */
    private void scheduleRestart() {
        closeCoordinators();
        long backoff = restartStrategy.getBackoffTime();
        CompletableFuture.delayedExecutor(backoff, TimeUnit.MILLISECONDS, mainThread)
                .execute(this::restart);
    }

    private void restart() {
        if (status != JobStatus.RESTARTING) {
            return; // cancelled while waiting
        }
        restarts++;
        restartingRegions.clear();
        if (checkpointCoordinator != null
                && checkpointCoordinator.getLatestCompletedCheckpoint() != null) {
            restoreFrom = checkpointCoordinator.getLatestCompletedCheckpoint();
        }
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                ev.startNewAttempt();
            }
        }
        transitionJob(JobStatus.RUNNING);
        try {
            startCoordinators();
        } catch (Exception e) {
            fail(e);
            return;
        }
        if (!slotsLost) {
            deployAll();
            return;
        }
        // Some slots died with their TaskManager: take a fresh set, waiting for the cluster to
        // have enough (a restarted TaskManager rejoins) up to the slot request timeout.
        slotsLost = false;
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                ev.slot = null;
            }
        }
        resourceManager.releaseSlots(getJobId());
        resourceManager
                .requestSlots(
                        getJobId(), jobGraph.name(), jobGraph.requiredSlots(), slotRequestTimeout)
                .whenCompleteAsync(
                        (slots, error) -> {
                            if (status != JobStatus.RUNNING) {
                                resourceManager.releaseSlots(getJobId());
                                checkAllTerminal();
                            } else if (error != null) {
                                fail(error);
                            } else {
                                assignSlots(slots);
                                deployAll();
                            }
                        },
                        mainThread);
    }

    private void closeCoordinators() {
        for (OperatorCoordinator c : coordinators.values()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing an operator coordinator of job {} failed", getJobId(), e);
            }
        }
        coordinators.clear();
    }

    private void finish() {
        if (checkpointCoordinator != null) {
            checkpointCoordinator.shutdown(status);
        }
        closeCoordinators();
        Set<TaskExecutorGateway> used = new HashSet<>();
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                if (ev.slot != null) {
                    used.add(ev.slot.taskExecutor());
                }
            }
        }
        for (TaskExecutorGateway te : used) {
            te.releaseJob(getJobId());
        }
        resourceManager.releaseSlots(getJobId());
        long runtime = System.currentTimeMillis() - startTime;
        result.complete(
                new JobResult(
                        getJobId(),
                        jobGraph.name(),
                        status,
                        startTime == 0 ? 0 : runtime,
                        status == JobStatus.FAILED ? failureCause : null));
        mainThread.shutdown();
    }

    /** Waits for the main thread to end after the job finished; for orderly shutdown. */
    public void awaitTermination(Duration timeout) throws InterruptedException {
        mainThread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private final class CoordinatorContext implements OperatorCoordinator.Context {
        private final JobVertex vertex;
        private final OperatorCoordinatorProvider provider;

        CoordinatorContext(JobVertex vertex, OperatorCoordinatorProvider provider) {
            this.vertex = vertex;
            this.provider = provider;
        }

        @Override
        public int currentParallelism() {
            return vertex.parallelism();
        }

        @Override
        public void sendEvent(int subtask, OperatorEvent event) {
            mainThread.execute(
                    () -> {
                        ExecutionVertex ev = executions.get(vertex.id())[subtask];
                        if (ev.slot != null && !ev.state.isTerminal()) {
                            ev.slot
                                    .taskExecutor()
                                    .sendOperatorEventToTask(
                                            ev.attemptId(), provider.operatorId(), event);
                        }
                    });
        }

        @Override
        public void failJob(Throwable cause) {
            mainThread.execute(() -> fail(cause));
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return userCodeClassLoader;
        }

        @Override
        public Configuration getJobConfiguration() {
            return jobGraph.jobConfiguration();
        }

        @Override
        public String operatorName() {
            return vertex.name();
        }
    }
}
