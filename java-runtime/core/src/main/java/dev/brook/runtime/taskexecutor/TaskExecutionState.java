package dev.brook.runtime.taskexecutor;

import dev.brook.api.common.JobID;
import dev.brook.runtime.execution.ExecutionState;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import java.io.Serializable;
import java.util.Map;

/**
 * A report from a TaskManager: an attempt reached {@code state} (with its error, if FAILED). A
 * terminal report carries the attempt's last metrics (by id), so they stay readable once it ended;
 * otherwise {@code metrics} is null.
 */
public record TaskExecutionState(
        JobID jobId,
        ExecutionAttemptID attemptId,
        ExecutionState state,
        Throwable error,
        Map<String, String> metrics)
        implements Serializable {

    public TaskExecutionState(
            JobID jobId, ExecutionAttemptID attemptId, ExecutionState state, Throwable error) {
        this(jobId, attemptId, state, error, null);
    }
}
