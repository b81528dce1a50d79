package dev.brook.runtime.minicluster;

import dev.brook.configuration.Configuration;
import dev.brook.core.execution.JobClient;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.runtime.dispatcher.DispatcherJobClient;
import dev.brook.runtime.jobgraph.JobGraph;
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
        // The client asks the dispatcher, which still answers once the job has ended and the
        // cluster has closed.
        JobClient client = new DispatcherJobClient(jobGraph.jobId(), cluster.getDispatcher());
        cluster.requestJobResult(jobGraph.jobId()).whenComplete((r, e) -> cluster.close());
        return CompletableFuture.completedFuture(client);
    }
}
