package dev.brook.client.cli;

import dev.brook.client.deployment.executors.RemoteExecutor;
import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.StateRecoveryOptions;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.runtime.minicluster.MiniClusterExecutor;
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
        PackagedProgram packaged = program.load();
        boolean remote =
                cluster.jobManager != null
                        || "remote".equals(conf.getString("execution.target", null));
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
}
