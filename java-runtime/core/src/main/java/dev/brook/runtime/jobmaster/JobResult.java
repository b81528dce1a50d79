package dev.brook.runtime.jobmaster;

import dev.brook.api.common.JobExecutionException;
import dev.brook.api.common.JobExecutionResult;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import java.io.Serializable;

/**
 * How a job ended.
 *
 * @param failureCause the root failure when the job FAILED, else null
 */
public record JobResult(
        JobID jobId,
        String jobName,
        JobStatus status,
        long netRuntimeMillis,
        Throwable failureCause)
        implements Serializable {

    public boolean isSuccess() {
        return status == JobStatus.FINISHED;
    }

    /**
     * The result as {@code execute()} reports it: the execution result of a finished job, or a
     * {@link JobExecutionException} with the job's failure as its cause and its root cause in the
     * message.
     */
    public JobExecutionResult toJobExecutionResult() throws JobExecutionException {
        return switch (status) {
            case FINISHED -> new JobExecutionResult(jobId, netRuntimeMillis);
            case CANCELED ->
                    throw new JobExecutionException(
                            jobId, "Job '" + jobName + "' was cancelled.", null);
            default ->
                    throw new JobExecutionException(
                            jobId,
                            "Job '" + jobName + "' failed: " + rootMessage(failureCause),
                            failureCause);
        };
    }

    private static String rootMessage(Throwable t) {
        if (t == null) {
            return "unknown cause";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getName() + (msg == null ? "" : ": " + msg);
    }
}
