package dev.brook.runtime.taskexecutor;

import dev.brook.api.common.JobID;
import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import dev.brook.runtime.checkpoint.CheckpointType;
import dev.brook.runtime.deployment.TaskDeploymentDescriptor;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.jobmaster.JobMasterGateway;
import dev.brook.runtime.metrics.groups.TaskMetricGroup;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.taskmanager.Task;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A TaskManager: offers {@code numberOfSlots} slots and runs the tasks deployed into them, each on
 * its own thread.
 *
 * <p>Threading model: gateway methods may be called from any thread; the task table is concurrent
 * and each {@link Task} guards its own state.
 */
public final class TaskExecutor implements TaskExecutorGateway, AutoCloseable {

    private final TaskManagerLocation location;
    private final int numberOfSlots;
    private final TaskManagerServices services;
    private final ConcurrentHashMap<ExecutionAttemptID, Task> tasks = new ConcurrentHashMap<>();
    private volatile Consumer<JobID> jobReleaseListener;

    public TaskExecutor(
            TaskManagerLocation location, int numberOfSlots, TaskManagerServices services) {
        this.location = location;
        this.numberOfSlots = numberOfSlots;
        this.services = services;
    }

    @Override
    public TaskManagerLocation getLocation() {
        return location;
    }

    public int getNumberOfSlots() {
        return numberOfSlots;
    }

    @Override
    public CompletableFuture<Void> submitTask(
            TaskDeploymentDescriptor tdd, JobMasterGateway jobMaster) {
        try {
            ExecutionAttemptID id = tdd.attemptId();
            TaskMetricGroup metrics =
                    TaskMetricGroup.create(
                            services.metricRegistry(),
                            location.host(),
                            location.resourceId().toString(),
                            tdd.jobId().toString(),
                            tdd.jobName(),
                            id.vertexId().toString(),
                            tdd.taskName(),
                            id.subtaskIndex(),
                            id.attemptNumber());
            Task task =
                    new Task(
                            tdd, services, jobMaster, metrics, t -> tasks.remove(t.getAttemptId()));
            if (tasks.putIfAbsent(tdd.attemptId(), task) != null) {
                throw new IllegalStateException("Attempt " + tdd.attemptId() + " deployed twice");
            }
            task.start();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void cancelTask(ExecutionAttemptID attemptId) {
        Task task = tasks.get(attemptId);
        if (task != null) {
            task.cancel();
        }
    }

    @Override
    public void sendOperatorEventToTask(
            ExecutionAttemptID attemptId, String operatorId, OperatorEvent event) {
        Task task = tasks.get(attemptId);
        if (task != null) {
            task.deliverOperatorEvent(operatorId, event);
        }
    }

    @Override
    public void triggerCheckpoint(
            ExecutionAttemptID attemptId,
            long checkpointId,
            long timestamp,
            CheckpointType type,
            CheckpointStorageLocation location) {
        Task task = tasks.get(attemptId);
        if (task != null) {
            task.triggerCheckpoint(checkpointId, timestamp, type, location);
        }
    }

    @Override
    public void notifyCheckpointComplete(ExecutionAttemptID attemptId, long checkpointId) {
        Task task = tasks.get(attemptId);
        if (task != null) {
            task.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(ExecutionAttemptID attemptId, long checkpointId) {
        Task task = tasks.get(attemptId);
        if (task != null) {
            task.notifyCheckpointAborted(checkpointId);
        }
    }

    @Override
    public CompletableFuture<Map<ExecutionAttemptID, Map<String, String>>> requestJobMetrics(
            JobID jobId) {
        Map<ExecutionAttemptID, Map<String, String>> metrics = new HashMap<>();
        for (Task t : tasks.values()) {
            if (t.getJobId().equals(jobId)) {
                metrics.put(t.getAttemptId(), t.metrics());
            }
        }
        return CompletableFuture.completedFuture(metrics);
    }

    @Override
    public void releaseJob(JobID jobId) {
        for (Task t : tasks.values()) {
            if (t.getJobId().equals(jobId)) {
                t.cancel();
            }
        }
        Consumer<JobID> listener = jobReleaseListener;
        if (listener != null) {
            listener.accept(jobId);
        }
    }

    /** Learns when a job is over here, e.g. to drop the job's class loader. */
    public void setJobReleaseListener(Consumer<JobID> listener) {
        this.jobReleaseListener = listener;
    }

    @Override
    public void close() {
        for (Task t : tasks.values()) {
            t.cancel();
        }
    }
}
