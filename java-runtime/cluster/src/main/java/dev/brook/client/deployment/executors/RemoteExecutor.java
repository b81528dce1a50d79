package dev.brook.client.deployment.executors;

import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.core.execution.JobClient;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.python.PythonDependencyBundle;
import dev.brook.runtime.jobgraph.JobGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

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
        Path directory;
        List<Path> jars = userJars;
        try {
            directory = Files.createTempDirectory("brook-submit-");
            Path python = PythonDependencyBundle.pack(jobGraph.jobConfiguration(), directory);
            if (python != null) {
                jars = new ArrayList<>(userJars);
                jars.add(python);
            }
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new UncheckedIOException("Could not pack the job's Python files", e));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.submitJob(jobGraph, jars)
                .whenComplete((jobId, failure) -> deleteRecursively(directory))
                .thenApply(jobId -> client.jobClient(jobId, userCodeClassLoader));
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> tree = Files.walk(directory)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
