package dev.brook.client.cli;

import dev.brook.api.common.JobID;
import dev.brook.client.program.rest.RestClusterClient;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flink cancel <jobId>}. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a running job.")
final class CancelCommand implements Callable<Integer> {

    @Mixin ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "<jobID>", description = "The job to cancel.")
    String jobId;

    @Override
    public Integer call() throws Exception {
        JobID id = JobIds.parse(jobId);
        try (RestClusterClient client = cluster.client()) {
            System.out.println("Cancelling job " + id + ".");
            client.cancel(id).get(60, TimeUnit.SECONDS);
        }
        System.out.println("Cancelled job " + id + ".");
        return 0;
    }
}
