package dev.brook.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobExecutionResult;
import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.ProgramInvocationException;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.CoreOptions;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.runtime.jobgraph.JobEdge;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flink info job.jar [args]}: runs the program's {@code main} up to its first {@code
 * execute()}, which submits nothing, and prints the job's execution plan as JSON.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Shows the optimized execution plan of the program (JSON).")
final class InfoCommand implements Callable<Integer> {

    @Option(
            names = {"-c", "--class"},
            paramLabel = "<classname>",
            description = "Class with the program entry point, if not in the jar's manifest.")
    String entryClass;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "<parallelism>",
            description = "The parallelism with which to plan the program.")
    Integer parallelism;

    @Parameters(index = "0", paramLabel = "<jar-file>", description = "The job's JAR file.")
    File jarFile;

    @Parameters(index = "1..*", paramLabel = "<arguments>", description = "Program arguments.")
    List<String> programArgs = new ArrayList<>();

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
        if (parallelism != null) {
            conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        PackagedProgram program = PackagedProgram.load(jarFile, entryClass, programArgs);
        PipelineExecutor capture =
                (jobGraph, classLoader) -> {
                    throw new PlanCaptured(jobGraph);
                };
        JobGraph jobGraph = null;
        StreamExecutionEnvironment.initializeContextEnvironment(
                c -> {
                    Configuration merged = new Configuration(conf);
                    merged.addAll(c);
                    return new PlanEnvironment(merged, capture, program.getUserCodeClassLoader());
                });
        try {
            program.invokeMain();
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
        System.out.println(planJson(jobGraph));
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

    /** Flink's JSON plan shape: nodes with their parallelism and inputs. */
    static String planJson(JobGraph jobGraph) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode plan = mapper.createObjectNode();
        plan.put("jid", jobGraph.jobId().toString());
        plan.put("name", jobGraph.name());
        plan.put("type", jobGraph.executionMode().name());
        ArrayNode nodes = plan.putArray("nodes");
        for (JobVertex v : jobGraph.vertices()) {
            ObjectNode node = nodes.addObject();
            node.put("id", v.id().toString());
            node.put("parallelism", v.parallelism());
            node.put("operator", "");
            node.put("operator_strategy", "");
            node.put("description", v.name());
            if (!v.inputs().isEmpty()) {
                ArrayNode inputs = node.putArray("inputs");
                int num = 0;
                for (JobEdge e : v.inputs()) {
                    ObjectNode input = inputs.addObject();
                    input.put("num", num++);
                    input.put("id", e.source().toString());
                    input.put("ship_strategy", e.shipStrategy());
                    input.put("exchange", "pipelined_bounded");
                }
            }
        }
        return mapper.writeValueAsString(plan);
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
