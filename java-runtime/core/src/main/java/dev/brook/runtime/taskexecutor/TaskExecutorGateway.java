package dev.brook.runtime.taskexecutor;

import dev.brook.api.common.JobID;
import dev.brook.runtime.deployment.TaskDeploymentDescriptor;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.jobmaster.JobMasterGateway;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import java.util.concurrent.CompletableFuture;

/** What the JobMaster and ResourceManager call on a TaskManager. */
public interface TaskExecutorGateway {

    TaskManagerLocation getLocation();

    CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, JobMasterGateway jobMaster);

    void cancelTask(ExecutionAttemptID attemptId);

    void sendOperatorEventToTask(
            ExecutionAttemptID attemptId, String operatorId, OperatorEvent event);

    /** The job is over on this TaskManager: release what it still holds. */
    void releaseJob(JobID jobId);
}
