package dev.brook.client.cli;

import dev.brook.api.common.JobID;
import dev.brook.client.program.rest.RestClusterClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flink savepoint <jobId> [targetDirectory]}. */
@Command(
        name = "savepoint",
        mixinStandardHelpOptions = true,
        description = "Triggers a savepoint of a running job; the job keeps running.")
final class SavepointCommand implements Callable<Integer> {

    @Mixin ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "<jobID>", description = "The job.")
    String jobId;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "<targetDirectory>",
            description =
                    "Where the savepoint goes (default:"
                            + " execution.checkpointing.savepoint-dir of the cluster).")
    String targetDirectory;

    @Override
    public Integer call() throws Exception {
        JobID id = JobIds.parse(jobId);
        String path;
        try (RestClusterClient client = cluster.client()) {
            System.out.println("Triggering savepoint for job " + id + ".");
            System.out.println("Waiting for response...");
            path = client.triggerSavepoint(id, targetDirectory).get();
        }
        System.out.println("Savepoint completed. Path: " + path);
        System.out.println("You can resume your program from this savepoint with the run command.");
        return 0;
    }
}
