package dev.brook.client.program.rest;

import dev.brook.api.common.JobExecutionException;
import dev.brook.api.common.JobExecutionResult;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.core.execution.JobClient;
import java.util.concurrent.CompletableFuture;

/** A {@link JobClient} for a job on a cluster reached through its REST API. */
final class RestJobClient implements JobClient {

    private final RestClusterClient client;
    private final JobID jobId;
    private final ClassLoader classLoader;

    RestJobClient(RestClusterClient client, JobID jobId, ClassLoader classLoader) {
        this.client = client;
        this.jobId = jobId;
        this.classLoader = classLoader;
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return client.getJobStatus(jobId);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return client.cancel(jobId);
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
        return client.triggerSavepoint(jobId, savepointDirectory);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(
            boolean advanceToEndOfEventTime, String savepointDirectory) {
        return client.stopWithSavepoint(jobId, savepointDirectory, advanceToEndOfEventTime);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return client.requestJobResult(jobId, classLoader)
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
