package dev.brook.client.cli;

import dev.brook.api.common.JobExecutionResult;
import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.ProgramInvocationException;
import dev.brook.configuration.Configuration;
import dev.brook.core.execution.JobClient;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a packaged program's {@code main} with a context environment, so that the program's {@code
 * execute()} submits to where the CLI says and reports the job the way Flink's CLI does.
 */
final class ProgramRunner {

    private final Configuration configuration;
    private final PipelineExecutor executor;
    private final boolean detached;
    private final PrintStream out;

    ProgramRunner(
            Configuration configuration,
            PipelineExecutor executor,
            boolean detached,
            PrintStream out) {
        this.configuration = configuration;
        this.executor = executor;
        this.detached = detached;
        this.out = out;
    }

    void run(PackagedProgram program) throws Exception {
        int jobs =
                run(
                        program.getUserCodeClassLoader(),
                        () -> {
                            program.invokeMain();
                            return 0;
                        });
        if (jobs == 0) {
            throw new ProgramInvocationException(
                    "The program didn't contain a Brook job. Perhaps you forgot to call execute()"
                            + " on the execution environment.");
        }
    }

    /** A program's body; returns its exit code. */
    interface Body {
        int run() throws Exception;
    }

    /**
     * Runs {@code body} with this runner's context environment; returns how many jobs it submitted,
     * or throws {@link ProgramExitException} when it exits with a non-zero code.
     */
    int run(ClassLoader userCodeClassLoader, Body body) throws Exception {
        AtomicInteger jobs = new AtomicInteger();
        PipelineExecutor reporting = new ReportingExecutor(executor, jobs);
        StreamExecutionEnvironment.initializeContextEnvironment(
                conf -> {
                    Configuration merged = new Configuration(configuration);
                    merged.addAll(conf);
                    return new ContextEnvironment(merged, reporting, userCodeClassLoader);
                });
        int exitCode;
        try {
            exitCode = body.run();
        } finally {
            StreamExecutionEnvironment.resetContextEnvironment();
        }
        if (exitCode != 0) {
            throw new ProgramExitException(exitCode);
        }
        return jobs.get();
    }

    /** Prints the job id when a job is submitted, as Flink's CLI does. */
    private final class ReportingExecutor implements PipelineExecutor {
        private final PipelineExecutor delegate;
        private final AtomicInteger jobs;

        ReportingExecutor(PipelineExecutor delegate, AtomicInteger jobs) {
            this.delegate = delegate;
            this.jobs = jobs;
        }

        @Override
        public CompletableFuture<JobClient> execute(JobGraph jobGraph, ClassLoader classLoader) {
            return delegate.execute(jobGraph, classLoader)
                    .thenApply(
                            client -> {
                                jobs.incrementAndGet();
                                out.println(
                                        "Job has been submitted with JobID " + client.getJobID());
                                return client;
                            });
        }
    }

    /** The environment a program sees under {@code flink run}. */
    private final class ContextEnvironment extends StreamExecutionEnvironment {
        ContextEnvironment(Configuration conf, PipelineExecutor executor, ClassLoader cl) {
            super(conf, executor, cl);
        }

        @Override
        public JobExecutionResult execute(String jobName) throws Exception {
            if (detached) {
                JobClient client = executeAsync(jobName);
                out.println("Job has been submitted in detached mode: " + client.getJobID());
                return new JobExecutionResult(client.getJobID(), -1);
            }
            JobExecutionResult result = super.execute(jobName);
            out.println("Program execution finished");
            out.println("Job with JobID " + result.getJobID() + " has finished.");
            out.println("Job Runtime: " + result.getNetRuntime() + " ms");
            return result;
        }
    }
}
