package dev.brook.runtime.dispatcher;

import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.runtime.checkpoint.CheckpointStatsSnapshot;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobmaster.JobDetailsSnapshot;
import dev.brook.runtime.jobmaster.JobMaster;
import dev.brook.runtime.jobmaster.JobMetricsSnapshot;
import dev.brook.runtime.jobmaster.JobResult;
import dev.brook.runtime.resourcemanager.ResourceManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
    private final Map<JobID, List<Path>> jars = new ConcurrentHashMap<>();

    public Dispatcher(ResourceManager resourceManager, Duration slotRequestTimeout) {
        this.resourceManager = resourceManager;
        this.slotRequestTimeout = slotRequestTimeout;
        resourceManager.addTaskManagerLossListener(
                (taskManager, cause) -> {
                    for (JobMaster jm : jobMasters.values()) {
                        if (!jm.getResultFuture().isDone()) {
                            jm.taskManagerLost(taskManager, cause);
                        }
                    }
                });
    }

    public CompletableFuture<Void> submitJob(JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        return submitJob(jobGraph, userCodeClassLoader, List.of());
    }

    /**
     * Starts a job whose user code is in {@code userJars} (already loaded by {@code
     * userCodeClassLoader} here); TaskManagers in other processes fetch the jars through {@link
     * #userJars}.
     */
    public CompletableFuture<Void> submitJob(
            JobGraph jobGraph, ClassLoader userCodeClassLoader, List<Path> userJars) {
        JobMaster jm =
                new JobMaster(jobGraph, resourceManager, userCodeClassLoader, slotRequestTimeout);
        if (jobMasters.putIfAbsent(jobGraph.jobId(), jm) != null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(
                            "Job " + jobGraph.jobId() + " was already submitted"));
        }
        classLoaders.put(jobGraph.jobId(), userCodeClassLoader);
        jars.put(jobGraph.jobId(), List.copyOf(userJars));
        jm.start();
        return CompletableFuture.completedFuture(null);
    }

    /** The jar files of a submitted job's user code (empty when it is on the class path). */
    public List<Path> userJars(JobID jobId) throws UnknownJobException {
        List<Path> list = jars.get(jobId);
        if (list == null) {
            throw new UnknownJobException(jobId);
        }
        return list;
    }

    /** A live view of the class loaders of every submitted job's user code. */
    public Collection<ClassLoader> userCodeClassLoaders() {
        return java.util.Collections.unmodifiableCollection(classLoaders.values());
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

    // ---------------------------------------------------------------- queries (REST API)

    /** A job's status, vertices and failures now. */
    public CompletableFuture<JobDetailsSnapshot> requestJobDetails(JobID jobId)
            throws UnknownJobException {
        return knownJobMaster(jobId).requestJobDetails();
    }

    /** A job's checkpoint statistics; completes with null when the job takes no checkpoints. */
    public CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStatistics(JobID jobId)
            throws UnknownJobException {
        return knownJobMaster(jobId).requestCheckpointStatistics();
    }

    /** A job's metrics now: the job's own and each subtask's. */
    public CompletableFuture<JobMetricsSnapshot> requestJobMetrics(JobID jobId)
            throws UnknownJobException {
        return knownJobMaster(jobId).requestMetrics();
    }

    private JobMaster knownJobMaster(JobID jobId) throws UnknownJobException {
        JobMaster jm = jobMasters.get(jobId);
        if (jm == null) {
            throw new UnknownJobException(jobId);
        }
        return jm;
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
