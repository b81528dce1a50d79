package dev.brook.client.cli;

import dev.brook.api.common.JobID;
import dev.brook.client.program.rest.RestClusterClient;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code flink run-application job.jar [args]}: application mode on a standalone cluster. The jar
 * goes to the JobManager and the program's {@code main} runs there, not in this client; the client
 * returns once the jobs are submitted.
 */
@Command(
        name = "run-application",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a program in application mode: its main() runs in the cluster's JobManager.",
            "Returns once the program has submitted its jobs."
        })
final class RunApplicationCommand implements Callable<Integer> {

    @Mixin ClusterOptions cluster;

    @Mixin ProgramOptions program;

    @Mixin RestoreOptions restore;

    @Override
    public Integer call() throws Exception {
        if (!program.jarFile.isFile()) {
            throw new IllegalArgumentException("JAR file does not exist: " + program.jarFile);
        }
        List<JobID> jobs;
        try (RestClusterClient client = cluster.client()) {
            String jarId = client.uploadJar(program.jarFile.toPath()).get(5, TimeUnit.MINUTES);
            jobs =
                    client.runJar(
                                    jarId,
                                    program.entryClass,
                                    program.programArgs,
                                    program.parallelism(),
                                    restore.savepointPath,
                                    restore.allowNonRestoredState)
                            .get(10, TimeUnit.MINUTES);
        }
        for (JobID id : jobs) {
            System.out.println("Job has been submitted with JobID " + id);
        }
        return 0;
    }
}
