package dev.brook.client.deployment.executors;

import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.core.execution.JobClient;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.runtime.jobgraph.JobGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Submits job graphs to a running cluster through its REST API ({@code flink run} against a session
 * cluster), with the jars of the program's code; the clients it returns follow the job there.
 */
public final class RemoteExecutor implements PipelineExecutor {

    private final RestClusterClient client;
    private final List<Path> userJars;

    public RemoteExecutor(RestClusterClient client, List<Path> userJars) {
        this.client = client;
        this.userJars = List.copyOf(userJars);
    }

    @Override
    public CompletableFuture<JobClient> execute(
            JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        return client.submitJob(jobGraph, userJars)
                .thenApply(jobId -> client.jobClient(jobId, userCodeClassLoader));
    }
}
