package dev.brook.runtime.jobmaster;

import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.configuration.Configuration;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * <p>Lifecycle (job status): CREATED → RUNNING → FINISHED; when a subtask fails, RUNNING →
 * RESTARTING → RUNNING if the restart strategy allows another attempt (every subtask is cancelled
 * and, after the strategy's back-off, deployed again as a new attempt into the same slots, with new
 * operator coordinators), else RUNNING → FAILING → FAILED; RUNNING or RESTARTING → CANCELLING →
 * CANCELED on cancellation. The allowed transitions are in {@link #ALLOWED}.
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
                        r -> {
                            Thread t = new Thread(r, "JobMaster-" + jobGraph.jobId());
                            t.setDaemon(true);
                            return t;
                        });
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
        this.restartStrategy =
                RestartBackoffTimeStrategyFactory.create(
                        jobGraph.jobConfiguration(),
                        false,
                        () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
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

    private void startCoordinators() throws Exception {
        for (JobVertex v : jobGraph.vertices()) {
            for (OperatorCoordinatorProvider provider : v.coordinators()) {
                vertexOfOperator.put(provider.operatorId(), v);
                OperatorCoordinator c = provider.create(new CoordinatorContext(v, provider));
                coordinators.put(provider.operatorId(), c);
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
                jobGraph.jobConfiguration());
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

    private void onTaskState(TaskExecutionState report) {
        ExecutionVertex ev = find(report.attemptId());
        if (ev == null) {
            return;
        }
        ExecutionState next = report.state();
        if (ev.state == ExecutionState.CANCELING && next == ExecutionState.FAILED) {
            next = ExecutionState.CANCELED;
        }
        if (!ev.transitionTo(next)) {
            return;
        }
        if (next == ExecutionState.FAILED) {
            fail(report.error());
        }
        checkAllTerminal();
    }

    private void fail(Throwable cause) {
        if (status == JobStatus.RUNNING) {
            restartStrategy.notifyFailure(cause);
            if (restartStrategy.canRestart()) {
                LOG.info(
                        "Job {} ({}) failed and restarts: {}",
                        jobGraph.name(),
                        getJobId(),
                        String.valueOf(cause));
                transitionJob(JobStatus.RESTARTING);
                cancelAllExecutions();
                checkAllTerminal();
                return;
            }
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
            transitionJob(JobStatus.FAILING);
            cancelAllExecutions();
            checkAllTerminal();
        } else if (status == JobStatus.CREATED) {
            failureCause = cause;
            transitionJob(JobStatus.FAILED);
            finish();
        }
    }

    private void cancelInternal() {
        if (status == JobStatus.CREATED) {
            transitionJob(JobStatus.CANCELED);
            finish();
        } else if (transitionJob(JobStatus.CANCELLING)) {
            cancelAllExecutions();
            checkAllTerminal();
        }
    }

    private void cancelAllExecutions() {
        for (ExecutionVertex[] subtasks : executions.values()) {
            for (ExecutionVertex ev : subtasks) {
                if (ev.state.isTerminal()) {
                    continue;
                }
                if (ev.state == ExecutionState.CREATED || ev.state == ExecutionState.SCHEDULED) {
                    ev.transitionTo(ExecutionState.CANCELED);
                } else if (ev.transitionTo(ExecutionState.CANCELING)) {
                    ev.slot.taskExecutor().cancelTask(ev.attemptId());
                }
            }
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
     * strategy's back-off, starts the job again from the beginning (there are no checkpoints to
     * restore yet) as new attempts in the same slots.
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
        deployAll();
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
        closeCoordinators();
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
