package dev.brook.runtime.dispatcher;

import dev.brook.api.common.JobExecutionException;
import dev.brook.api.common.JobExecutionResult;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.core.execution.JobClient;
import java.util.concurrent.CompletableFuture;

/**
 * A client of a job on a {@link Dispatcher} in the same JVM: the MiniCluster's, or the JobManager's
 * for programs running in it (application mode, jars run through the REST API).
 */
public final class DispatcherJobClient implements JobClient {

    private final JobID jobId;
    private final Dispatcher dispatcher;

    public DispatcherJobClient(JobID jobId, Dispatcher dispatcher) {
        this.jobId = jobId;
        this.dispatcher = dispatcher;
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        try {
            return CompletableFuture.completedFuture(dispatcher.getJobStatus(jobId));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> cancel() {
        try {
            dispatcher.cancelJob(jobId);
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
        try {
            return dispatcher.triggerSavepoint(jobId, savepointDirectory);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(
            boolean advanceToEndOfEventTime, String savepointDirectory) {
        try {
            return dispatcher.stopWithSavepoint(jobId, savepointDirectory, advanceToEndOfEventTime);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return dispatcher
                .requestJobResult(jobId)
                .thenCompose(
                        r -> {
                            try {
                                return CompletableFuture.completedFuture(r.toJobExecutionResult());
                            } catch (JobExecutionException e) {
                                return CompletableFuture.failedFuture(e);
                            }
                        });
    }
}
