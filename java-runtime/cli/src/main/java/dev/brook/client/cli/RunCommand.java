package dev.brook.client.cli;

import dev.brook.client.deployment.executors.RemoteExecutor;
import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.client.python.PythonDriver;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.StateRecoveryOptions;
import dev.brook.core.execution.PipelineExecutor;
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
        if (!remote) {
            new ProgramRunner(conf, new MiniClusterExecutor(conf), detached, System.out)
                    .run(packaged);
            return 0;
        }
        try (RestClusterClient client = new RestClusterClient(cluster.address(conf), conf)) {
            PipelineExecutor executor =
                    new RemoteExecutor(client, List.of(program.jarFile.toPath().toAbsolutePath()));
            new ProgramRunner(conf, executor, detached, System.out).run(packaged);
        }
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
        ClassLoader loader = RunCommand.class.getClassLoader();
        if (!remote) {
            new ProgramRunner(conf, new MiniClusterExecutor(conf), detached, System.out)
                    .run(loader, () -> PythonDriver.run(pythonProgram, conf, home));
            return 0;
        }
        URI address = cluster.address(conf);
        conf.setString("execution.target", "remote");
        conf.setString("rest.address", address.getHost());
        conf.setString("rest.port", Integer.toString(address.getPort()));
        try (RestClusterClient client = new RestClusterClient(address, conf)) {
            new ProgramRunner(conf, new RemoteExecutor(client, List.of()), detached, System.out)
                    .run(loader, () -> PythonDriver.run(pythonProgram, conf, home));
        }
        return 0;
    }
}
