package dev.brook.core.execution;

import dev.brook.api.common.JobExecutionResult;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job. */
public interface JobClient {

    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    CompletableFuture<Void> cancel();

    /**
     * Takes a savepoint of the running job into a new directory under {@code savepointDirectory}
     * (null for {@code execution.checkpointing.savepoint-dir}); completes with its path.
     */
    CompletableFuture<String> triggerSavepoint(String savepointDirectory);

    /**
     * Stops the job with a savepoint into a new directory under {@code savepointDirectory} (null
     * for the configured default); with {@code advanceToEndOfEventTime}, event time first advances
     * to its end so windows and timers fire. The job then ends as FINISHED; completes with the
     * savepoint's path.
     */
    CompletableFuture<String> stopWithSavepoint(
            boolean advanceToEndOfEventTime, String savepointDirectory);

    /**
     * Completes when the job has ended: with its result if it finished, exceptionally with a {@link
     * dev.brook.api.common.JobExecutionException} if it failed or was cancelled.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
