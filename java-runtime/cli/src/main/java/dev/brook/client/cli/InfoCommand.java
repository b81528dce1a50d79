package dev.brook.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.brook.api.common.JobExecutionResult;
import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.ProgramInvocationException;
import dev.brook.configuration.Configuration;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.rest.JsonPlan;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code flink info job.jar [args]}: runs the program's {@code main} up to its first {@code
 * execute()}, which submits nothing, and prints the job's execution plan as JSON.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Shows the optimized execution plan of the program (JSON).")
final class InfoCommand implements Callable<Integer> {

    @Mixin ProgramOptions program;

    /** Ends the program at its first execute(): the plan is all we want. */
    private static final class PlanCaptured extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient JobGraph jobGraph;

        PlanCaptured(JobGraph jobGraph) {
            super(null, null, false, false);
            this.jobGraph = jobGraph;
        }
    }

    @Override
    public Integer call() throws Exception {
        Configuration conf = CliFrontend.loadConfiguration();
        program.applyParallelism(conf);
        PackagedProgram packaged = program.load();
        PipelineExecutor capture =
                (jobGraph, classLoader) -> {
                    throw new PlanCaptured(jobGraph);
                };
        JobGraph jobGraph = null;
        StreamExecutionEnvironment.initializeContextEnvironment(
                c -> {
                    Configuration merged = new Configuration(conf);
                    merged.addAll(c);
                    return new PlanEnvironment(merged, capture, packaged.getUserCodeClassLoader());
                });
        try {
            packaged.invokeMain();
        } catch (PlanCaptured e) {
            jobGraph = e.jobGraph;
        } catch (Exception e) {
            PlanCaptured captured = findCaptured(e);
            if (captured == null) {
                throw e;
            }
            jobGraph = captured.jobGraph;
        } finally {
            StreamExecutionEnvironment.resetContextEnvironment();
        }
        if (jobGraph == null) {
            throw new ProgramInvocationException(
                    "The program didn't contain a Brook job. Perhaps you forgot to call execute()"
                            + " on the execution environment.");
        }
        System.out.println("----------------------- Execution Plan -----------------------");
        System.out.println(
                new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(JsonPlan.of(jobGraph)));
        System.out.println("--------------------------------------------------------------");
        return 0;
    }

    private static PlanCaptured findCaptured(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PlanCaptured p) {
                return p;
            }
        }
        return null;
    }

    /** The environment of a program under {@code flink info}: execute() only plans. */
    private static final class PlanEnvironment extends StreamExecutionEnvironment {
        PlanEnvironment(Configuration conf, PipelineExecutor executor, ClassLoader cl) {
            super(conf, executor, cl);
        }

        @Override
        public JobExecutionResult execute(String jobName) throws Exception {
            executeAsync(jobName);
            throw new IllegalStateException("unreachable: planning ends at execute()");
        }
    }
}
