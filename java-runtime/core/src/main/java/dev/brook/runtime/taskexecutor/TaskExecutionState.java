package dev.brook.runtime.taskexecutor;

import dev.brook.api.common.JobID;
import dev.brook.runtime.execution.ExecutionState;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import java.io.Serializable;

/** A report from a TaskManager: an attempt reached {@code state} (with its error, if FAILED). */
public record TaskExecutionState(
        JobID jobId, ExecutionAttemptID attemptId, ExecutionState state, Throwable error)
        implements Serializable {}
