package dev.brook.client.deployment.application.executors;

import dev.brook.core.execution.JobClient;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.dispatcher.DispatcherJobClient;
import dev.brook.runtime.jobgraph.JobGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Submits job graphs to the {@link Dispatcher} of the JobManager the program runs in (a program run
 * through {@code POST /jars/:jarid/run}, or in application mode); its jobs' user code is in {@code
 * userJars}, which TaskManagers in other processes fetch from the dispatcher.
 */
public final class EmbeddedExecutor implements PipelineExecutor {

    private final Dispatcher dispatcher;
    private final List<Path> userJars;

    public EmbeddedExecutor(Dispatcher dispatcher, List<Path> userJars) {
        this.dispatcher = dispatcher;
        this.userJars = List.copyOf(userJars);
    }

    @Override
    public CompletableFuture<JobClient> execute(
            JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        return dispatcher
                .submitJob(jobGraph, userCodeClassLoader, userJars)
                .thenApply(ignored -> new DispatcherJobClient(jobGraph.jobId(), dispatcher));
    }
}
