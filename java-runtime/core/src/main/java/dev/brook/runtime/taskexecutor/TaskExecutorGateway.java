package dev.brook.runtime.taskexecutor;

import dev.brook.api.common.JobID;
import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import dev.brook.runtime.checkpoint.CheckpointType;
import dev.brook.runtime.deployment.TaskDeploymentDescriptor;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.jobmaster.JobMasterGateway;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What the JobMaster and ResourceManager call on a TaskManager. */
public interface TaskExecutorGateway {

    TaskManagerLocation getLocation();

    CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, JobMasterGateway jobMaster);

    void cancelTask(ExecutionAttemptID attemptId);

    void sendOperatorEventToTask(
            ExecutionAttemptID attemptId, String operatorId, OperatorEvent event);

    /** Starts checkpoint {@code checkpointId} in a source task or one whose inputs all ended. */
    void triggerCheckpoint(
            ExecutionAttemptID attemptId,
            long checkpointId,
            long timestamp,
            CheckpointType type,
            CheckpointStorageLocation location);

    void notifyCheckpointComplete(ExecutionAttemptID attemptId, long checkpointId);

    void notifyCheckpointAborted(ExecutionAttemptID attemptId, long checkpointId);

    /**
     * The metrics of the job's attempts running here (by metric id), for the REST API. Attempts
     * that ended are not included: their last metrics went with their final state to the JobMaster.
     */
    CompletableFuture<Map<ExecutionAttemptID, Map<String, String>>> requestJobMetrics(JobID jobId);

    /** The job is over on this TaskManager: release what it still holds. */
    void releaseJob(JobID jobId);
}
