package dev.brook.client.cli;

import dev.brook.client.deployment.executors.RemoteExecutor;
import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.client.python.PythonDriver;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.StateRecoveryOptions;
import dev.brook.runtime.minicluster.MiniClusterExecutor;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flink run [OPTIONS] <jar-file> <arguments>}. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Compiles and runs a program. Without a cluster (-m, or execution.target: remote) the",
            "job runs on an embedded MiniCluster in this process."
        })
final class RunCommand implements Callable<Integer> {

    @Mixin ProgramOptions program;

    @Mixin ClusterOptions cluster;

    @Mixin RestoreOptions restore;

    @Option(
            names = {"-d", "--detached"},
            description = "Submits the job and returns without waiting for it to finish.")
    boolean detached;

    @Mixin PythonProgramOptions python;

    @Override
    public Integer call() throws Exception {
        Configuration conf = cluster.configuration();
        program.applyParallelism(conf);
        if (restore.savepointPath != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restore.savepointPath);
        }
        if (restore.allowNonRestoredState) {
            conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
        boolean remote =
                cluster.jobManager != null
                        || "remote".equals(conf.getString("execution.target", null));
        if (python.isPythonProgram()) {
            return runPython(conf, remote);
        }
        PackagedProgram packaged = program.load();
        List<Path> jars = List.of(program.jarFile.toPath().toAbsolutePath());
        withRunner(conf, remote, jars, runner -> runner.run(packaged));
        return 0;
    }

    /** {@code -py}/{@code -pym}: the Python program drives the job through the gateway. */
    private int runPython(Configuration conf, boolean remote) throws Exception {
        python.applyTo(conf);
        List<String> arguments = new ArrayList<>();
        if (program.jarFile != null) {
            arguments.add(program.jarFile.getPath());
        }
        arguments.addAll(program.programArgs);
        PythonDriver.Program pythonProgram = python.program(arguments);
        Path home = Path.of(System.getProperty("brook.home", "."));
        if (remote) {
            // The gateway's collect sinks and shell need the cluster's address in the config.
            URI address = cluster.address(conf);
            conf.setString("execution.target", "remote");
            conf.setString("rest.address", address.getHost());
            conf.setString("rest.port", Integer.toString(address.getPort()));
        }
        withRunner(
                conf,
                remote,
                List.of(),
                runner ->
                        runner.run(
                                RunCommand.class.getClassLoader(),
                                () -> PythonDriver.run(pythonProgram, conf, home)));
        return 0;
    }

    private interface RunnerAction {
        void run(ProgramRunner runner) throws Exception;
    }

    /** Runs {@code action} with a runner submitting to the MiniCluster or the -m cluster. */
    private void withRunner(
            Configuration conf, boolean remote, List<Path> jars, RunnerAction action)
            throws Exception {
        if (!remote) {
            action.run(
                    new ProgramRunner(conf, new MiniClusterExecutor(conf), detached, System.out));
            return;
        }
        try (RestClusterClient client = new RestClusterClient(cluster.address(conf), conf)) {
            action.run(
                    new ProgramRunner(
                            conf, new RemoteExecutor(client, jars), detached, System.out));
        }
    }
}
