package dev.brook.client.cli;

import dev.brook.api.common.JobID;
import dev.brook.client.program.rest.RestClusterClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flink stop [-p dir] [-d] <jobId>}: stop with a savepoint. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stops a running job with a savepoint (streaming jobs only).")
final class StopCommand implements Callable<Integer> {

    @Mixin ClusterOptions cluster;

    @Option(
            names = {"-p", "--savepointPath"},
            paramLabel = "<savepointPath>",
            description =
                    "Where the savepoint goes (default:"
                            + " execution.checkpointing.savepoint-dir of the cluster).")
    String savepointPath;

    @Option(
            names = {"-d", "--drain"},
            description =
                    "Send MAX_WATERMARK before taking the savepoint and stopping the pipeline, so"
                            + " that event-time windows and timers fire.")
    boolean drain;

    @Parameters(index = "0", paramLabel = "<jobID>", description = "The job to stop.")
    String jobId;

    @Override
    public Integer call() throws Exception {
        JobID id = JobIds.parse(jobId);
        String path;
        try (RestClusterClient client = cluster.client()) {
            System.out.println("Suspending job \"" + id + "\" with a CANONICAL savepoint.");
            path = client.stopWithSavepoint(id, savepointPath, drain).get();
        }
        System.out.println("Savepoint completed. Path: " + path);
        return 0;
    }
}
