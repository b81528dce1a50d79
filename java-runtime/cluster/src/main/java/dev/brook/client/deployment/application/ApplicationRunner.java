package dev.brook.client.deployment.application;

import dev.brook.api.common.JobExecutionResult;
import dev.brook.api.common.JobID;
import dev.brook.client.deployment.application.executors.EmbeddedExecutor;
import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.ProgramInvocationException;
import dev.brook.configuration.Configuration;
import dev.brook.core.execution.JobClient;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a program's {@code main} inside the JobManager, as Flink does for jars run through the REST
 * API and in application mode: the program's {@code execute()} submits its job to the local {@link
 * Dispatcher} and returns at once (detached), so {@code main} does not wait for its jobs.
 *
 * <p>Threading model: the context environment that redirects {@code execute()} is process-wide in
 * {@link StreamExecutionEnvironment}, so programs run one at a time; each {@code main} runs on the
 * caller's thread.
 */
public final class ApplicationRunner {

    private static final Object CONTEXT_ENVIRONMENT_LOCK = new Object();

    private ApplicationRunner() {}

    /**
     * Runs {@code program} with {@code configuration} (the cluster's, plus e.g. parallelism and the
     * savepoint to restore) under the program's own settings; returns the ids of the jobs it
     * submitted, in order.
     *
     * @throws ProgramInvocationException if {@code main} threw, or submitted no job
     */
    public static List<JobID> run(
            Dispatcher dispatcher, PackagedProgram program, Configuration configuration)
            throws ProgramInvocationException {
        List<Path> jars =
                program.getJarFile() == null ? List.of() : List.of(program.getJarFile().toPath());
        List<JobID> submitted = Collections.synchronizedList(new ArrayList<>());
        PipelineExecutor executor =
                new RecordingExecutor(new EmbeddedExecutor(dispatcher, jars), submitted);
        synchronized (CONTEXT_ENVIRONMENT_LOCK) {
            StreamExecutionEnvironment.initializeContextEnvironment(
                    conf -> {
                        Configuration merged = new Configuration(configuration);
                        merged.addAll(conf);
                        return new DetachedEnvironment(
                                merged, executor, program.getUserCodeClassLoader());
                    });
            try {
                program.invokeMain();
            } catch (ProgramInvocationException e) {
                throw e;
            } catch (Exception | LinkageError e) {
                throw new ProgramInvocationException(
                        "The main method of the program failed: " + e, e);
            } finally {
                StreamExecutionEnvironment.resetContextEnvironment();
            }
        }
        if (submitted.isEmpty()) {
            throw new ProgramInvocationException(
                    "The program didn't contain a Brook job. Perhaps you forgot to call execute()"
                            + " on the execution environment.");
        }
        return List.copyOf(submitted);
    }

    /** Notes the id of every job submitted, also through {@code executeAsync()}. */
    private static final class RecordingExecutor implements PipelineExecutor {
        private final PipelineExecutor delegate;
        private final List<JobID> submitted;

        RecordingExecutor(PipelineExecutor delegate, List<JobID> submitted) {
            this.delegate = delegate;
            this.submitted = submitted;
        }

        @Override
        public CompletableFuture<JobClient> execute(JobGraph jobGraph, ClassLoader classLoader) {
            return delegate.execute(jobGraph, classLoader)
                    .thenApply(
                            client -> {
                                submitted.add(client.getJobID());
                                return client;
                            });
        }
    }

    /** {@code execute()} submits and returns without waiting for the job. */
    private static final class DetachedEnvironment extends StreamExecutionEnvironment {
        DetachedEnvironment(Configuration conf, PipelineExecutor executor, ClassLoader cl) {
            super(conf, executor, cl);
        }

        @Override
        public JobExecutionResult execute(String jobName) throws Exception {
            JobClient client = executeAsync(jobName);
            return new JobExecutionResult(client.getJobID(), -1);
        }
    }
}
