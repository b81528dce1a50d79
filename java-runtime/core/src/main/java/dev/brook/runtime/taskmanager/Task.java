package dev.brook.runtime.taskmanager;

import dev.brook.api.common.JobID;
import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import dev.brook.runtime.checkpoint.CheckpointType;
import dev.brook.runtime.checkpoint.TaskStateSnapshot;
import dev.brook.runtime.deployment.TaskDeploymentDescriptor;
import dev.brook.runtime.execution.ExecutionState;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.io.network.buffer.LocalBufferPool;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.runtime.io.network.partition.consumer.InputChannel;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import dev.brook.runtime.jobgraph.TaskConfig;
import dev.brook.runtime.jobmaster.JobMasterGateway;
import dev.brook.runtime.metrics.groups.TaskMetricGroup;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.serialization.JavaSerialization;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.runtime.taskexecutor.TaskExecutionState;
import dev.brook.runtime.taskexecutor.TaskManagerServices;
import dev.brook.streaming.runtime.tasks.CheckpointResponder;
import dev.brook.streaming.runtime.tasks.StreamTask;
import dev.brook.streaming.runtime.tasks.TaskEnvironment;
import dev.brook.streaming.runtime.tasks.TaskInterruptedException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution attempt on a TaskManager: owns the thread, the network resources and the state
 * machine of the attempt, and reports every state change to the JobMaster. The operator work itself
 * is the {@link StreamTask}'s.
 */
public final class Task implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final TaskDeploymentDescriptor tdd;
    private final TaskManagerServices services;
    private final JobMasterGateway jobMaster;
    private final Consumer<Task> onTerminated;
    private final TaskMetricGroup metricGroup;
    private final ResultPartition[] partitions;
    private final SingleInputGate[] gates;
    private final String nameWithSubtask;
    private volatile ExecutionState state = ExecutionState.DEPLOYING;
    private volatile StreamTask streamTask;
    private volatile Thread thread;

    /**
     * Creates the attempt and registers its result partitions, so that consumers deployed after
     * this call find them.
     */
    public Task(
            TaskDeploymentDescriptor tdd,
            TaskManagerServices services,
            JobMasterGateway jobMaster,
            TaskMetricGroup metricGroup,
            Consumer<Task> onTerminated) {
        this.metricGroup = metricGroup;
        this.tdd = tdd;
        this.services = services;
        this.jobMaster = jobMaster;
        this.onTerminated = onTerminated;
        ExecutionAttemptID id = tdd.attemptId();
        this.nameWithSubtask =
                new SubtaskInfo(
                                tdd.taskName(),
                                tdd.maxParallelism(),
                                id.subtaskIndex(),
                                tdd.parallelism(),
                                id.attemptNumber())
                        .getTaskNameWithSubtasks();
        List<TaskDeploymentDescriptor.ProducedPartition> produced = tdd.producedPartitions();
        this.partitions = new ResultPartition[produced.size()];
        try {
            for (int i = 0; i < partitions.length; i++) {
                TaskDeploymentDescriptor.ProducedPartition p = produced.get(i);
                int n = p.numberOfSubpartitions();
                LocalBufferPool pool =
                        new LocalBufferPool(
                                services.networkBufferPool(), n + 1, 2 * n + 8, nameWithSubtask);
                partitions[i] = new ResultPartition(p.id(), n, pool, services.partitionManager());
                services.partitionManager().register(partitions[i]);
            }
        } catch (RuntimeException e) {
            releasePartitions();
            throw e;
        }
        this.gates = new SingleInputGate[tdd.inputGates().size()];
        for (int g = 0; g < gates.length; g++) {
            SingleInputGate gate = new SingleInputGate(nameWithSubtask, g);
            List<TaskDeploymentDescriptor.InputChannel> descs = tdd.inputGates().get(g).channels();
            InputChannel[] channels = new InputChannel[descs.size()];
            for (int c = 0; c < channels.length; c++) {
                channels[c] = services.inputChannels().create(gate, c, descs.get(c));
            }
            gate.setChannels(channels);
            gates[g] = gate;
        }
    }

    public ExecutionAttemptID getAttemptId() {
        return tdd.attemptId();
    }

    public JobID getJobId() {
        return tdd.jobId();
    }

    public ExecutionState getState() {
        return state;
    }

    /** The attempt's metrics now, by id (e.g. {@code numRecordsIn}, {@code Map.numRecordsOut}). */
    public Map<String, String> metrics() {
        return metricGroup.snapshot();
    }

    public String getNameWithSubtask() {
        return nameWithSubtask;
    }

    /** Starts the task's thread. */
    public void start() {
        Thread t = new Thread(this, nameWithSubtask);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void run() {
        Throwable failure = null;
        try {
            ClassLoader userLoader = services.userCodeClassLoaders().apply(tdd.jobId());
            Thread.currentThread().setContextClassLoader(userLoader);
            if (!transition(ExecutionState.DEPLOYING, ExecutionState.INITIALIZING)) {
                return;
            }
            TaskConfig config = JavaSerialization.deserialize(tdd.taskConfig(), userLoader);
            ExecutionAttemptID id = tdd.attemptId();
            TaskEnvironment env =
                    new TaskEnvironment(
                            new SubtaskInfo(
                                    tdd.taskName(),
                                    tdd.maxParallelism(),
                                    id.subtaskIndex(),
                                    tdd.parallelism(),
                                    id.attemptNumber()),
                            new JobDescription(tdd.jobId(), tdd.jobName()),
                            userLoader,
                            config,
                            gates,
                            partitions,
                            KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                                    tdd.maxParallelism(), tdd.parallelism(), id.subtaskIndex()),
                            tdd.maxParallelism(),
                            services.timerScheduler(),
                            tdd.jobConfiguration(),
                            (operatorId, event) ->
                                    jobMaster.sendOperatorEventToCoordinator(id, operatorId, event),
                            tdd.restore(),
                            new CheckpointResponder() {
                                @Override
                                public void acknowledgeCheckpoint(
                                        long checkpointId, TaskStateSnapshot state) {
                                    jobMaster.acknowledgeCheckpoint(id, checkpointId, state);
                                }

                                @Override
                                public void declineCheckpoint(long checkpointId, Throwable cause) {
                                    jobMaster.declineCheckpoint(id, checkpointId, cause);
                                }
                            },
                            services.ioExecutor(),
                            services.tmpDirectory(),
                            metricGroup);
            streamTask = new StreamTask(env);
            if (state == ExecutionState.CANCELING) {
                streamTask.cancel();
            }
            if (!transition(ExecutionState.INITIALIZING, ExecutionState.RUNNING)) {
                return;
            }
            streamTask.invoke();
        } catch (Throwable t) {
            failure = t;
        } finally {
            finishAttempt(failure);
        }
    }

    private void finishAttempt(Throwable failure) {
        ExecutionState finalState;
        Throwable reported = null;
        boolean canceled =
                state == ExecutionState.CANCELING
                        || state == ExecutionState.CANCELED
                        || (streamTask != null && streamTask.isCanceled());
        if (canceled) {
            finalState = ExecutionState.CANCELED;
        } else if (failure != null && !(failure instanceof TaskInterruptedException)) {
            finalState = ExecutionState.FAILED;
            reported = failure;
            LOG.warn("{} failed", nameWithSubtask, failure);
        } else if (failure != null) {
            finalState = ExecutionState.CANCELED;
        } else {
            finalState = ExecutionState.FINISHED;
        }
        if (finalState != ExecutionState.FINISHED) {
            releasePartitions();
        } else {
            for (ResultPartition p : partitions) {
                if (p != null) {
                    p.onProducerFinished();
                }
            }
        }
        state = finalState;
        Map<String, String> metrics = metricGroup.snapshot();
        metricGroup.close();
        onTerminated.accept(this);
        jobMaster.updateTaskExecutionState(
                new TaskExecutionState(
                        tdd.jobId(), tdd.attemptId(), finalState, reported, metrics));
    }

    private synchronized boolean transition(ExecutionState from, ExecutionState to) {
        if (state != from) {
            return false;
        }
        state = to;
        if (to == ExecutionState.RUNNING || to == ExecutionState.INITIALIZING) {
            jobMaster.updateTaskExecutionState(
                    new TaskExecutionState(tdd.jobId(), tdd.attemptId(), to, null));
        }
        return true;
    }

    /** Cancels the attempt; its thread ends soon and reports CANCELED. */
    public void cancel() {
        synchronized (this) {
            if (state.isTerminal() || state == ExecutionState.CANCELING) {
                return;
            }
            state = ExecutionState.CANCELING;
        }
        StreamTask st = streamTask;
        if (st != null) {
            st.cancel();
        }
        Thread t = thread;
        if (t != null) {
            // Wakes a thread blocked on a network buffer or in user code that waits.
            t.interrupt();
        }
    }

    /**
     * Starts a checkpoint in this task. A task that is not running (yet, or any more) ignores it;
     * the coordinator notices when the task finishes or fails.
     */
    public void triggerCheckpoint(
            long checkpointId,
            long timestamp,
            CheckpointType type,
            CheckpointStorageLocation location) {
        StreamTask st = streamTask;
        if (st != null && state == ExecutionState.RUNNING) {
            st.triggerCheckpointAsync(checkpointId, timestamp, type, location);
        }
    }

    public void notifyCheckpointComplete(long checkpointId) {
        StreamTask st = streamTask;
        if (st != null && state == ExecutionState.RUNNING) {
            st.notifyCheckpointCompleteAsync(checkpointId);
        }
    }

    public void notifyCheckpointAborted(long checkpointId) {
        StreamTask st = streamTask;
        if (st != null && state == ExecutionState.RUNNING) {
            st.notifyCheckpointAbortedAsync(checkpointId);
        }
    }

    public void deliverOperatorEvent(String operatorId, OperatorEvent event) {
        StreamTask st = streamTask;
        if (st == null) {
            throw new IllegalStateException(
                    nameWithSubtask + " is not running; cannot deliver " + event);
        }
        st.deliverOperatorEvent(operatorId, event);
    }

    private void releasePartitions() {
        for (ResultPartition p : partitions) {
            if (p != null) {
                p.release();
            }
        }
    }
}
