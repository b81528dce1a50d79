package dev.brook.client.cli;

import dev.brook.client.deployment.executors.RemoteExecutor;
import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.ProgramInvocationException;
import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.CoreOptions;
import dev.brook.configuration.StateRecoveryOptions;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.runtime.minicluster.MiniClusterExecutor;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flink run [OPTIONS] <jar-file> <arguments>}. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Compiles and runs a program. Without a cluster (-m, or execution.target: remote) the",
            "job runs on an embedded MiniCluster in this process."
        })
final class RunCommand implements Callable<Integer> {

    @Option(
            names = {"-c", "--class"},
            paramLabel = "<classname>",
            description =
                    "Class with the program entry point (\"main()\" method). Only needed if the"
                            + " JAR file does not specify the class in its manifest.")
    String entryClass;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "<parallelism>",
            description =
                    "The parallelism with which to run the program. Overrides the default"
                            + " (parallelism.default) in the configuration.")
    Integer parallelism;

    @Option(
            names = {"-D"},
            paramLabel = "<property=value>",
            description = "Sets a configuration property, e.g. -Dparallelism.default=2.")
    Map<String, String> dynamicProperties = new LinkedHashMap<>();

    @Option(
            names = {"-m", "--jobmanager"},
            paramLabel = "<host:port>",
            description =
                    "Address of the JobManager's REST endpoint to submit to. Without it (and"
                            + " without execution.target: remote) the job runs on an embedded"
                            + " MiniCluster.")
    String jobManager;

    @Option(
            names = {"-d", "--detached"},
            description = "Submits the job and returns without waiting for it to finish.")
    boolean detached;

    @Option(
            names = {"-s", "--fromSavepoint"},
            paramLabel = "<savepointPath>",
            description =
                    "Path to a savepoint or retained checkpoint to restore the job from (its"
                            + " directory or its _metadata file).")
    String savepointPath;

    @Option(
            names = {"-n", "--allowNonRestoredState"},
            description =
                    "Allow to skip savepoint state that cannot be restored: state of operators"
                            + " that are no longer in the program.")
    boolean allowNonRestoredState;

    @Parameters(index = "0", paramLabel = "<jar-file>", description = "The job's JAR file.")
    File jarFile;

    @Parameters(
            index = "1..*",
            paramLabel = "<arguments>",
            description = "Arguments passed to the program's main method.")
    List<String> programArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Configuration conf = CliFrontend.loadConfiguration();
        for (Map.Entry<String, String> e : dynamicProperties.entrySet()) {
            conf.setString(e.getKey(), e.getValue());
        }
        if (parallelism != null) {
            if (parallelism < 1) {
                throw new ProgramInvocationException(
                        "The parallelism must be at least 1, got " + parallelism + ".");
            }
            conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        if (savepointPath != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepointPath);
        }
        if (allowNonRestoredState) {
            conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
        PackagedProgram program = PackagedProgram.load(jarFile, entryClass, programArgs);
        boolean remote =
                jobManager != null || "remote".equals(conf.getString("execution.target", null));
        if (!remote) {
            new ProgramRunner(conf, new MiniClusterExecutor(conf), detached, System.out)
                    .run(program);
            return 0;
        }
        ClusterOptions cluster = new ClusterOptions();
        cluster.jobManager = jobManager;
        try (RestClusterClient client = new RestClusterClient(cluster.address(conf), conf)) {
            PipelineExecutor executor =
                    new RemoteExecutor(client, List.of(jarFile.toPath().toAbsolutePath()));
            new ProgramRunner(conf, executor, detached, System.out).run(program);
        }
        return 0;
    }
}
