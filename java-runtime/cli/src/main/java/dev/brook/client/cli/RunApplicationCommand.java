package dev.brook.client.cli;

import dev.brook.api.common.JobID;
import dev.brook.client.program.rest.RestClusterClient;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @Option(
            names = {"-c", "--class"},
            paramLabel = "<classname>",
            description = "Class with the program entry point, if not in the jar's manifest.")
    String entryClass;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "<parallelism>",
            description = "The parallelism of the program's jobs.")
    Integer parallelism;

    @Option(
            names = {"-s", "--fromSavepoint"},
            paramLabel = "<savepointPath>",
            description = "Savepoint or retained checkpoint to restore the job from.")
    String savepointPath;

    @Option(
            names = {"-n", "--allowNonRestoredState"},
            description = "Skip savepoint state of operators no longer in the program.")
    boolean allowNonRestoredState;

    @Parameters(index = "0", paramLabel = "<jar-file>", description = "The job's JAR file.")
    File jarFile;

    @Parameters(index = "1..*", paramLabel = "<arguments>", description = "Program arguments.")
    List<String> programArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!jarFile.isFile()) {
            throw new IllegalArgumentException("JAR file does not exist: " + jarFile);
        }
        List<JobID> jobs;
        try (RestClusterClient client = cluster.client()) {
            String jarId = client.uploadJar(jarFile.toPath()).get(5, TimeUnit.MINUTES);
            jobs =
                    client.runJar(
                                    jarId,
                                    entryClass,
                                    programArgs,
                                    parallelism,
                                    savepointPath,
                                    allowNonRestoredState)
                            .get(10, TimeUnit.MINUTES);
        }
        for (JobID id : jobs) {
            System.out.println("Job has been submitted with JobID " + id);
        }
        return 0;
    }
}
