package dev.brook.runtime.taskmanager;

import dev.brook.api.common.JobID;
import dev.brook.api.common.JobInfo;

/** The job a function runs in. */
public record JobDescription(JobID getJobId, String getJobName) implements JobInfo {}
