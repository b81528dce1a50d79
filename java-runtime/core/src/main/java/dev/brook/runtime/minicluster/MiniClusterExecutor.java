package dev.brook.runtime.minicluster;

import dev.brook.api.common.JobExecutionException;
import dev.brook.api.common.JobExecutionResult;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.configuration.Configuration;
import dev.brook.core.execution.JobClient;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobmaster.JobResult;
import java.util.concurrent.CompletableFuture;

/**
 * Runs each job on a MiniCluster of its own, sized to the job's slot needs, and shuts the cluster
 * down when the job ends. The embedded default of {@code execute()}.
 */
public final class MiniClusterExecutor implements PipelineExecutor {

    private final Configuration configuration;

    public MiniClusterExecutor(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public CompletableFuture<JobClient> execute(
            JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        MiniCluster cluster =
                new MiniCluster(
                        MiniClusterConfiguration.withSlots(
                                configuration, jobGraph.requiredSlots()));
        cluster.start();
        try {
            cluster.submitJob(jobGraph, userCodeClassLoader).join();
        } catch (RuntimeException e) {
            cluster.close();
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<JobResult> result = cluster.requestJobResult(jobGraph.jobId());
        result.whenComplete((r, e) -> cluster.close());
        return CompletableFuture.completedFuture(
                new MiniClusterJobClient(jobGraph.jobId(), cluster, result));
    }

    /** A client of a job on a per-job MiniCluster. */
    static final class MiniClusterJobClient implements JobClient {
        private final JobID jobId;
        private final MiniCluster cluster;
        private final CompletableFuture<JobResult> result;

        MiniClusterJobClient(
                JobID jobId, MiniCluster cluster, CompletableFuture<JobResult> result) {
            this.jobId = jobId;
            this.cluster = cluster;
            this.result = result;
        }

        @Override
        public JobID getJobID() {
            return jobId;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            if (result.isDone()) {
                return result.thenApply(JobResult::status);
            }
            try {
                return CompletableFuture.completedFuture(cluster.getJobStatus(jobId));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletableFuture<Void> cancel() {
            try {
                cluster.cancelJob(jobId);
                return CompletableFuture.completedFuture(null);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
            try {
                return cluster.triggerSavepoint(jobId, savepointDirectory);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(
                boolean advanceToEndOfEventTime, String savepointDirectory) {
            try {
                return cluster.stopWithSavepoint(
                        jobId, savepointDirectory, advanceToEndOfEventTime);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result.thenCompose(MiniClusterJobClient::toExecutionResult);
        }

        static CompletableFuture<JobExecutionResult> toExecutionResult(JobResult r) {
            return switch (r.status()) {
                case FINISHED ->
                        CompletableFuture.completedFuture(
                                new JobExecutionResult(r.jobId(), r.netRuntimeMillis()));
                case CANCELED ->
                        CompletableFuture.failedFuture(
                                new JobExecutionException(
                                        r.jobId(),
                                        "Job '" + r.jobName() + "' was cancelled.",
                                        null));
                default ->
                        CompletableFuture.failedFuture(
                                new JobExecutionException(
                                        r.jobId(),
                                        "Job '"
                                                + r.jobName()
                                                + "' failed: "
                                                + rootMessage(r.failureCause()),
                                        r.failureCause()));
            };
        }

        private static String rootMessage(Throwable t) {
            if (t == null) {
                return "unknown cause";
            }
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String msg = root.getMessage();
            return root.getClass().getName() + (msg == null ? "" : ": " + msg);
        }
    }
}
