package dev.brook.client.deployment.executors;

import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.core.execution.JobClient;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.python.PythonDependencyBundle;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.util.FileUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Submits {@code jobGraph}; the local files of a Python job ({@code python.files}, {@code
     * python.archives}, {@code python.requirements}) go along in one more jar (see {@link
     * PythonDependencyBundle}).
     */
    @Override
    public CompletableFuture<JobClient> execute(
            JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        Path python;
        try {
            python = PythonDependencyBundle.pack(jobGraph.jobConfiguration());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new UncheckedIOException("Could not pack the job's Python files", e));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (python == null) {
            return submit(jobGraph, userJars, userCodeClassLoader);
        }
        List<Path> jars = new ArrayList<>(userJars);
        jars.add(python);
        return submit(jobGraph, jars, userCodeClassLoader)
                .whenComplete(
                        (jobClient, failure) ->
                                FileUtils.deleteDirectoryQuietly(python.getParent()));
    }

    private CompletableFuture<JobClient> submit(
            JobGraph jobGraph, List<Path> jars, ClassLoader userCodeClassLoader) {
        return client.submitJob(jobGraph, jars)
                .thenApply(jobId -> client.jobClient(jobId, userCodeClassLoader));
    }
}
