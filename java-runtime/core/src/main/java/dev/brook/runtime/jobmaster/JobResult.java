package dev.brook.runtime.jobmaster;

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
}
