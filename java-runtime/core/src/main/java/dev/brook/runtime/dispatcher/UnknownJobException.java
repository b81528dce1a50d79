package dev.brook.runtime.dispatcher;

import dev.brook.api.common.JobID;

/** No job with this id is known. */
public final class UnknownJobException extends Exception {
    private static final long serialVersionUID = 1L;

    private final JobID jobId;

    public UnknownJobException(JobID jobId) {
        super("No job with id " + jobId + " is known to this cluster.");
        this.jobId = jobId;
    }

    public JobID getJobId() {
        return jobId;
    }
}
