package dev.brook.api.common;

import java.util.concurrent.TimeUnit;

/** The result of a finished job. */
public class JobExecutionResult {

    private final JobID jobId;
    private final long netRuntime;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis) {
        this.jobId = jobId;
        this.netRuntime = netRuntimeMillis;
    }

    public JobID getJobID() {
        return jobId;
    }

    /** Milliseconds from the start of scheduling to the end of the job. */
    public long getNetRuntime() {
        return netRuntime;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntime, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "JobExecutionResult{jobId=" + jobId + ", netRuntime=" + netRuntime + " ms}";
    }
}
