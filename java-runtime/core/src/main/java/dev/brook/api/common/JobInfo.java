package dev.brook.api.common;

/** Facts about the job a function runs in. */
public interface JobInfo {
    JobID getJobId();

    String getJobName();
}
