package dev.brook.client.cli;

import dev.brook.api.common.JobStatus;
import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.runtime.dispatcher.Dispatcher;
import java.text.SimpleDateFormat;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flink list [-r|-s|-a]}: the cluster's jobs, as Flink's CLI prints them. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists running and scheduled jobs (with -a also the finished ones).")
final class ListCommand implements Callable<Integer> {

    @Mixin ClusterOptions cluster;

    @Option(
            names = {"-r", "--running"},
            description = "Show only running programs and their JobIDs.")
    boolean running;

    @Option(
            names = {"-s", "--scheduled"},
            description = "Show only scheduled programs and their JobIDs.")
    boolean scheduled;

    @Option(
            names = {"-a", "--all"},
            description = "Show all programs and their JobIDs.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        List<Dispatcher.JobDetails> jobs;
        try (RestClusterClient client = cluster.client()) {
            System.out.println("Waiting for response...");
            jobs = client.listJobs().get(60, TimeUnit.SECONDS);
        }
        boolean showRunning = running || all || !scheduled;
        boolean showScheduled = scheduled || all || !running;
        List<Dispatcher.JobDetails> sorted =
                jobs.stream()
                        .sorted(Comparator.comparingLong(Dispatcher.JobDetails::startTime))
                        .toList();
        List<Dispatcher.JobDetails> runningJobs =
                sorted.stream()
                        .filter(
                                j ->
                                        !j.status().isTerminalState()
                                                && j.status() != JobStatus.CREATED)
                        .toList();
        List<Dispatcher.JobDetails> scheduledJobs =
                sorted.stream().filter(j -> j.status() == JobStatus.CREATED).toList();
        List<Dispatcher.JobDetails> terminated =
                sorted.stream().filter(j -> j.status().isTerminalState()).toList();
        if (showRunning) {
            print(runningJobs, "Running/Restarting Jobs", "No running jobs.");
        }
        if (showScheduled) {
            print(scheduledJobs, "Scheduled Jobs", "No scheduled jobs.");
        }
        if (all) {
            print(terminated, "Terminated Jobs", "No terminated jobs.");
        }
        return 0;
    }

    private static void print(List<Dispatcher.JobDetails> jobs, String title, String none) {
        if (jobs.isEmpty()) {
            System.out.println(none);
            return;
        }
        SimpleDateFormat format = new SimpleDateFormat("dd.MM.yyyy HH:mm:ss");
        String header = "------------------ " + title + " ------------------";
        System.out.println(header);
        for (Dispatcher.JobDetails j : jobs) {
            System.out.println(
                    format.format(new Date(j.startTime()))
                            + " : "
                            + j.jobId()
                            + " : "
                            + j.name()
                            + " ("
                            + j.status()
                            + ")");
        }
        System.out.println("-".repeat(header.length()));
    }
}
