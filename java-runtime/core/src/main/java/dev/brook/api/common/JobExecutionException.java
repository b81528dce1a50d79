package dev.brook.api.common;

/** A job failed or was cancelled; the cause is the job's root failure. */
public class JobExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;

    public JobExecutionException(JobID jobId, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
    }

    public JobID getJobID() {
        return jobId;
    }
}
