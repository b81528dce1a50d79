package dev.brook.runtime.jobmaster;

import dev.brook.runtime.checkpoint.TaskStateSnapshot;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.taskexecutor.TaskExecutionState;

/** What TaskManagers call on the JobMaster of a job. Calls return at once; work is queued. */
public interface JobMasterGateway {

    void updateTaskExecutionState(TaskExecutionState state);

    void sendOperatorEventToCoordinator(
            ExecutionAttemptID sender, String operatorId, OperatorEvent event);

    /** A subtask has written its state for checkpoint {@code checkpointId}. */
    void acknowledgeCheckpoint(
            ExecutionAttemptID attemptId, long checkpointId, TaskStateSnapshot state);

    /** A subtask could not take its part of checkpoint {@code checkpointId}. */
    void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, Throwable cause);
}
