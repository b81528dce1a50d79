package dev.brook.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone cluster of real processes on loopback, started and stopped with {@code
 * bin/start-cluster.sh} / {@code stop-cluster.sh}: one JobManager and two TaskManagers with two
 * slots each. Jobs at parallelism 4 spread over both TaskManagers, so records cross the Netty
 * shuffle; the CLI submits, lists and cancels them; a TaskManager killed with {@code kill -9}
 * mid-job is replaced and the job's exactly-once output equals a failure-free run's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterITCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path work;
    static Path confDir;
    static Path logDir;
    static int restPort;
    static String jobManager;
    static Map<String, String> env;
    static File jobs;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() throws Exception {
        jobs =
                BrookDistribution.jobJar(
                        work.resolve("cluster-jobs.jar"), "dev/brook/tests/jobs", null);
        confDir = Files.createDirectories(work.resolve("conf"));
        logDir = Files.createDirectories(work.resolve("log"));
        try (Stream<Path> files = Files.list(BrookDistribution.home().resolve("conf"))) {
            for (Path f : files.toList()) {
                Files.copy(f, confDir.resolve(f.getFileName()));
            }
        }
        restPort = freePort();
        jobManager = "localhost:" + restPort;
        Files.writeString(
                confDir.resolve("config.yaml"),
                String.join(
                        "\n",
                        "jobmanager.rpc.address: localhost",
                        "jobmanager.rpc.port: " + freePort(),
                        "rest.address: localhost",
                        "rest.port: " + restPort,
                        "taskmanager.numberOfTaskSlots: 2",
                        "parallelism.default: 1",
                        "heartbeat.interval: 1 s",
                        "heartbeat.timeout: 10 s",
                        "slot.request.timeout: 2 min",
                        ""));
        Files.writeString(confDir.resolve("masters"), "localhost:" + restPort + "\n");
        Files.writeString(confDir.resolve("workers"), "localhost\nlocalhost\n");
        env =
                Map.of(
                        "FLINK_CONF_DIR", confDir.toString(),
                        "FLINK_LOG_DIR", logDir.toString(),
                        "FLINK_PID_DIR", logDir.toString());
        BrookDistribution.Result r = BrookDistribution.run(work, env, 120, "start-cluster.sh");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout())
                .contains("Starting standalonesession daemon")
                .contains("Starting taskexecutor daemon");
        awaitTaskManagers(2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (env == null) {
            return;
        }
        BrookDistribution.Result r = BrookDistribution.run(work, env, 120, "stop-cluster.sh");
        // The daemons' logs outlive the temporary directory, for a failure's post-mortem.
        Path keep = Files.createDirectories(Path.of("target", "standalone-cluster-logs"));
        try (Stream<Path> logs = Files.list(logDir)) {
            for (Path log : logs.toList()) {
                Files.copy(
                        log,
                        keep.resolve(log.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        // Nothing of this cluster is left running.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!clusterProcesses().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(clusterProcesses()).as("processes left behind").isEmpty();
    }

    private static List<ProcessHandle> clusterProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(confDir.toString()))
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static JsonNode rest(String path) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://" + jobManager + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void awaitTaskManagers(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (rest("/overview").path("taskmanagers").asInt() == count) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the JobManager is still starting
            }
            assertThat(System.nanoTime())
                    .as("%d TaskManagers did not register within 60 s", count)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String awaitJobState(String jobId, String... states) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            String state = rest("/jobs/" + jobId).path("state").asText();
            if (List.of(states).contains(state)) {
                return state;
            }
            assertThat(System.nanoTime())
                    .as("job %s still %s after 120 s", jobId, state)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static BrookDistribution.Result flink(String... args) throws Exception {
        BrookDistribution.Result r = BrookDistribution.run(work, env, 180, "flink", args);
        assertThat(r.exitCode())
                .as(String.join(" ", args) + "\n" + r.stdout() + r.stderr())
                .isZero();
        return r;
    }

    @Test
    @Order(1)
    void wordCountOnTheClusterEqualsTheEmbeddedRun() throws Exception {
        Path input = work.resolve("words.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("w").append(i % 997).append(i % 3 == 0 ? "\n" : " ");
        }
        Files.writeString(input, text);
        Path wordCount = BrookDistribution.home().resolve("examples/streaming/WordCount.jar");

        BrookDistribution.Result r =
                flink(
                        "run",
                        "-m",
                        jobManager,
                        "-p",
                        "4",
                        wordCount.toString(),
                        "--input",
                        input.toString(),
                        "--output",
                        work.resolve("wc-cluster").toString());
        assertThat(r.stdout()).contains("has finished.");
        String jobId = BrookDistribution.jobIdIn(r.stdout());
        // Four subtasks per vertex on two TaskManagers with two slots each: both took part.
        JsonNode job = rest("/jobs/" + jobId);
        assertThat(job.path("state").asText()).isEqualTo("FINISHED");
        for (JsonNode vertex : job.path("vertices")) {
            assertThat(vertex.path("parallelism").asInt()).isEqualTo(4);
        }

        flink(
                "run",
                "-p",
                "4",
                wordCount.toString(),
                "--input",
                input.toString(),
                "--output",
                work.resolve("wc-embedded").toString());
        List<String> cluster = BrookDistribution.outputLines(work.resolve("wc-cluster"));
        assertThat(cluster)
                .hasSize(20_000)
                .isEqualTo(BrookDistribution.outputLines(work.resolve("wc-embedded")));
    }

    @Test
    @Order(2)
    void aKeyedWindowJobSurvivesTheKillOfATaskManager() throws Exception {
        // 16 s of input at 1,000 records/s: the kill must come mid-job, after two checkpoints and
        // CLI calls, also on a loaded machine (8 s was not always enough).
        long count = 16_000;
        Path out = work.resolve("counts");
        Path checkpoints = work.resolve("checkpoints");
        BrookDistribution.Result r =
                flink(
                        "run",
                        "-m",
                        jobManager,
                        "-d",
                        "-p",
                        "4",
                        "-Dexecution.checkpointing.interval=200ms",
                        "-Dexecution.checkpointing.dir=" + checkpoints,
                        "-c",
                        "dev.brook.tests.jobs.CountingFileJob",
                        jobs.toString(),
                        out.toString(),
                        Long.toString(count),
                        "1000");
        String jobId = BrookDistribution.jobIdIn(r.stdout());
        awaitJobState(jobId, "RUNNING");

        // The job holds every slot of both TaskManagers.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (KillAndResumeITCase.latestCheckpointNumber(checkpoints) < 2) {
            assertThat(System.nanoTime()).as("no checkpoints within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        for (JsonNode tm : rest("/taskmanagers").path("taskmanagers")) {
            assertThat(tm.path("freeSlots").asInt()).as(tm.toString()).isZero();
        }
        BrookDistribution.Result list = flink("list", "-m", jobManager);
        assertThat(list.stdout()).contains(jobId + " : counting into files (RUNNING)");

        // kill -9 of the first TaskManager, mid-job; a new one takes its place.
        List<String> pids = Files.readAllLines(logDir.resolve(pidFile("taskexecutor")));
        ProcessHandle victim = ProcessHandle.of(Long.parseLong(pids.get(0).trim())).orElseThrow();
        new ProcessBuilder("kill", "-9", Long.toString(victim.pid())).start().waitFor();
        victim.onExit().get(30, TimeUnit.SECONDS);
        awaitTaskManagers(1);
        BrookDistribution.Result started =
                BrookDistribution.run(work, env, 60, "taskmanager.sh", "start");
        assertThat(started.exitCode()).as(started.stdout() + started.stderr()).isZero();

        assertThat(awaitJobState(jobId, "FINISHED", "FAILED", "CANCELED")).isEqualTo("FINISHED");
        assertThat(KillAndResumeITCase.committed(out))
                .isEqualTo(KillAndResumeITCase.expected(count));
        JsonNode exceptions = rest("/jobs/" + jobId + "/exceptions");
        assertThat(exceptions.toString()).contains("TaskManager");
    }

    private static String pidFile(String type) {
        return "flink-" + System.getProperty("user.name") + "-" + type + ".pid";
    }

    @Test
    @Order(3)
    void theCliListsAndCancelsJobs() throws Exception {
        BrookDistribution.Result r =
                flink(
                        "run",
                        "-m",
                        jobManager,
                        "-d",
                        "-p",
                        "2",
                        "-c",
                        "dev.brook.tests.jobs.CountingFileJob",
                        jobs.toString(),
                        work.resolve("never-ending").toString(),
                        Long.toString(Long.MAX_VALUE / 2),
                        "100");
        String jobId = BrookDistribution.jobIdIn(r.stdout());
        awaitJobState(jobId, "RUNNING");
        assertThat(flink("list", "-m", jobManager, "-r").stdout())
                .contains(jobId + " : counting into files (RUNNING)");

        BrookDistribution.Result cancel = flink("cancel", "-m", jobManager, jobId);
        assertThat(cancel.stdout()).contains("Cancelled job " + jobId + ".");
        awaitJobState(jobId, "CANCELED");
        assertThat(flink("list", "-m", jobManager, "-a").stdout())
                .contains(jobId + " : counting into files (CANCELED)");

        BrookDistribution.Result unknown =
                BrookDistribution.run(
                        work, env, 60, "flink", "cancel", "-m", jobManager, "0".repeat(32));
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.stderr()).contains("not found");
    }

    @Test
    @Order(4)
    void aJobStoppedWithASavepointResumesWithExactlyOnceOutput() throws Exception {
        // 24 s of input at 1,000 records/s: the savepoint and the stop, each a CLI JVM, must come
        // while the job still runs, also on a loaded machine (8 s, then 16 s, were not always
        // enough).
        long count = 24_000;
        Path out = work.resolve("stopped");
        Path savepoints = work.resolve("savepoints");
        List<String> job =
                List.of(
                        "-p",
                        "4",
                        "-Dexecution.checkpointing.interval=200ms",
                        "-Dexecution.checkpointing.dir=" + work.resolve("stopped-checkpoints"),
                        "-c",
                        "dev.brook.tests.jobs.CountingFileJob",
                        jobs.toString(),
                        out.toString(),
                        Long.toString(count),
                        "1000");
        List<String> run = new ArrayList<>(List.of("run", "-m", jobManager, "-d"));
        run.addAll(job);
        String jobId = BrookDistribution.jobIdIn(flink(run.toArray(new String[0])).stdout());
        awaitJobState(jobId, "RUNNING");

        // A savepoint leaves the job running.
        BrookDistribution.Result savepoint =
                flink("savepoint", "-m", jobManager, jobId, savepoints.toString());
        assertThat(savepoint.stdout()).contains("Triggering savepoint for job " + jobId);
        assertThat(Files.exists(savepointPath(savepoint.stdout()).resolve("_metadata"))).isTrue();
        assertThat(rest("/jobs/" + jobId).path("state").asText()).isEqualTo("RUNNING");

        // Stopped with a savepoint mid-job: it finishes with part of its output committed.
        BrookDistribution.Result stop =
                flink("stop", "-m", jobManager, "-p", savepoints.toString(), jobId);
        Path stopped = savepointPath(stop.stdout());
        assertThat(awaitJobState(jobId, "FINISHED", "FAILED", "CANCELED")).isEqualTo("FINISHED");
        List<String> expected = KillAndResumeITCase.expected(count);
        List<String> before = KillAndResumeITCase.committed(out);
        assertThat(before).isNotEmpty().hasSizeLessThan(expected.size());
        assertThat(expected).containsAll(before);

        // Resumed from that savepoint, the job completes the output exactly once.
        List<String> resume =
                new ArrayList<>(List.of("run", "-m", jobManager, "-s", stopped.toString()));
        resume.addAll(job);
        assertThat(flink(resume.toArray(new String[0])).stdout()).contains("has finished.");
        assertThat(KillAndResumeITCase.committed(out)).isEqualTo(expected);
    }

    private static Path savepointPath(String output) {
        Matcher m = Pattern.compile("Savepoint completed\\. Path: (\\S+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        String path = m.group(1);
        return Path.of(path.startsWith("file:") ? URI.create(path).getPath() : path);
    }
}
