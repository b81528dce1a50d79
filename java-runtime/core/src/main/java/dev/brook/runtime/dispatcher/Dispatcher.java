package dev.brook.runtime.dispatcher;

import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobmaster.JobMaster;
import dev.brook.runtime.jobmaster.JobResult;
import dev.brook.runtime.resourcemanager.ResourceManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts jobs, starts a {@link JobMaster} for each, and keeps the results of finished jobs so
 * clients can ask for them later.
 */
public final class Dispatcher {

    /** A job known to the dispatcher, running or done. */
    public record JobDetails(JobID jobId, String name, JobStatus status, long startTime) {}

    private final ResourceManager resourceManager;
    private final Duration slotRequestTimeout;
    private final Map<JobID, JobMaster> jobMasters = new ConcurrentHashMap<>();
    private final Map<JobID, ClassLoader> classLoaders = new ConcurrentHashMap<>();

    public Dispatcher(ResourceManager resourceManager, Duration slotRequestTimeout) {
        this.resourceManager = resourceManager;
        this.slotRequestTimeout = slotRequestTimeout;
    }

    public CompletableFuture<Void> submitJob(JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        JobMaster jm =
                new JobMaster(jobGraph, resourceManager, userCodeClassLoader, slotRequestTimeout);
        if (jobMasters.putIfAbsent(jobGraph.jobId(), jm) != null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(
                            "Job " + jobGraph.jobId() + " was already submitted"));
        }
        classLoaders.put(jobGraph.jobId(), userCodeClassLoader);
        jm.start();
        return CompletableFuture.completedFuture(null);
    }

    /** The class loader of a submitted job's user code. */
    public ClassLoader userCodeClassLoader(JobID jobId) {
        ClassLoader cl = classLoaders.get(jobId);
        if (cl == null) {
            throw new IllegalStateException("Unknown job " + jobId);
        }
        return cl;
    }

    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        JobMaster jm = jobMasters.get(jobId);
        if (jm == null) {
            return CompletableFuture.failedFuture(new UnknownJobException(jobId));
        }
        return jm.getResultFuture();
    }

    public JobStatus getJobStatus(JobID jobId) throws UnknownJobException {
        JobMaster jm = jobMasters.get(jobId);
        if (jm == null) {
            throw new UnknownJobException(jobId);
        }
        return jm.getStatus();
    }

    public void cancelJob(JobID jobId) throws UnknownJobException {
        JobMaster jm = jobMasters.get(jobId);
        if (jm == null) {
            throw new UnknownJobException(jobId);
        }
        jm.cancel();
    }

    /** Triggers a savepoint of a running job; completes with the savepoint's directory. */
    public CompletableFuture<String> triggerSavepoint(JobID jobId, String directory)
            throws UnknownJobException {
        JobMaster jm = jobMasters.get(jobId);
        if (jm == null) {
            throw new UnknownJobException(jobId);
        }
        return jm.triggerSavepoint(directory);
    }

    /** Stops a running job with a savepoint; completes with the savepoint's directory. */
    public CompletableFuture<String> stopWithSavepoint(JobID jobId, String directory, boolean drain)
            throws UnknownJobException {
        JobMaster jm = jobMasters.get(jobId);
        if (jm == null) {
            throw new UnknownJobException(jobId);
        }
        return jm.stopWithSavepoint(directory, drain);
    }

    public List<JobDetails> listJobs() {
        List<JobDetails> list = new ArrayList<>();
        for (JobMaster jm : jobMasters.values()) {
            list.add(
                    new JobDetails(
                            jm.getJobId(), jm.getJobName(), jm.getStatus(), jm.getStartTime()));
        }
        return list;
    }

    /** Cancels every job that has not ended. */
    public void shutdown() {
        for (JobMaster jm : jobMasters.values()) {
            if (!jm.getStatus().isTerminalState()) {
                jm.cancel();
            }
        }
    }
}
