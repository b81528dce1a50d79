package dev.brook.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * A standalone cluster on three hosts of a {@link VirtualNetwork}: the JobManager in one network
 * namespace, a TaskManager with two slots in each of two others, each host with its own
 * configuration, log and pid directories, started with {@code ip netns exec <host>
 * bin/jobmanager.sh|taskmanager.sh start}. A WordCount at parallelism 4 submitted with {@code
 * bin/flink run -m} from the root namespace shuffles records between the TaskManagers, so they
 * cross the hosts' network interfaces, whose byte counters prove it; its output equals an embedded
 * run's. Skipped where network namespaces are unavailable (not root, no iproute2, no permission).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoHostClusterITCase {

    // Every host has its own network stack: fixed ports cannot clash with other tests.
    private static final int RPC_PORT = 6123;
    private static final int REST_PORT = 8081;
    private static final int PARALLELISM = 4;
    private static final int LINES = 10_000;
    private static final int WORD_LENGTH = 12;
    private static final int WORDS_PER_SUBTASK = 8;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A host of the cluster: which daemon it runs, and its own directories. */
    private record ClusterHost(VirtualNetwork.Host host, String script, Path dir) {
        Path conf() {
            return dir.resolve("conf");
        }

        Path log() {
            return dir.resolve("log");
        }

        Map<String, String> env() {
            return Map.of(
                    "FLINK_CONF_DIR", conf().toString(),
                    "FLINK_LOG_DIR", log().toString(),
                    "FLINK_PID_DIR", dir.resolve("pid").toString());
        }
    }

    @TempDir static Path work;
    static VirtualNetwork network;
    static TestAbortedException unavailable;
    static final List<ClusterHost> hosts = new ArrayList<>();
    static final List<ClusterHost> started = new ArrayList<>();

    /** The root namespace's directory for the CLI: conf/ and log/. */
    static Path client;

    static String jobManager;

    @BeforeAll
    static void startCluster() throws Exception {
        client = work.resolve("client");
        try {
            network = VirtualNetwork.create(List.of("jm", "tm1", "tm2"));
        } catch (TestAbortedException e) {
            // Reported by each test (see skipWhereNamespacesAreUnavailable): Surefire shows a
            // class skipped in @BeforeAll as no tests at all, without the reason.
            unavailable = e;
            return;
        }
        String jm = network.host("jm").address();
        jobManager = jm + ":" + REST_PORT;
        List<String> common =
                List.of(
                        "jobmanager.rpc.address: " + jm,
                        "jobmanager.rpc.port: " + RPC_PORT,
                        "rest.address: " + jm,
                        "rest.port: " + REST_PORT,
                        "taskmanager.numberOfTaskSlots: 2",
                        "heartbeat.interval: 1 s",
                        "heartbeat.timeout: 10 s");
        hosts.add(
                host(
                        "jm",
                        "jobmanager.sh",
                        common,
                        List.of("jobmanager.bind-host: " + jm, "rest.bind-address: " + jm)));
        String tm1 = network.host("tm1").address();
        hosts.add(
                host(
                        "tm1",
                        "taskmanager.sh",
                        common,
                        List.of("taskmanager.host: " + tm1, "taskmanager.bind-host: " + tm1)));
        // The second TaskManager finds its address itself: the one it reaches the JobManager from.
        hosts.add(host("tm2", "taskmanager.sh", common, List.of()));
        conf(client, common);

        for (ClusterHost h : hosts) {
            BrookDistribution.Result r =
                    BrookDistribution.exec(
                            work,
                            h.env(),
                            60,
                            VirtualNetwork.inNamespace(
                                    h.host(), List.of(script(h.script()), "start")));
            assertThat(r.exitCode()).as(h.host() + ": " + r.stdout() + r.stderr()).isZero();
            started.add(h);
        }
        awaitTaskManagers(2);
    }

    @BeforeEach
    void skipWhereNamespacesAreUnavailable() {
        if (unavailable != null) {
            throw new TestAbortedException(unavailable.getMessage(), unavailable);
        }
    }

    private static ClusterHost host(
            String name, String script, List<String> common, List<String> own) throws IOException {
        Path dir = work.resolve(name);
        List<String> lines = new ArrayList<>(common);
        lines.addAll(own);
        conf(dir, lines);
        Files.createDirectories(dir.resolve("log"));
        return new ClusterHost(network.host(name), script, dir);
    }

    /** A configuration directory under {@code dir}: the distribution's, with these settings. */
    private static Path conf(Path dir, List<String> settings) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        try (Stream<Path> files = Files.list(BrookDistribution.home().resolve("conf"))) {
            for (Path f : files.toList()) {
                Files.copy(f, conf.resolve(f.getFileName()));
            }
        }
        Files.writeString(conf.resolve("config.yaml"), String.join("\n", settings) + "\n");
        return conf;
    }

    private static String script(String name) {
        return BrookDistribution.home().resolve("bin").resolve(name).toString();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (network == null) {
            return;
        }
        AssertionError failure = new AssertionError("The two-host cluster did not stop cleanly");
        try {
            stopDaemons(failure);
            try {
                keepLogs();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            endLeftovers(failure);
        } finally {
            try {
                network.close();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /** TaskManagers first, then the JobManager, each with its script in its namespace. */
    private static void stopDaemons(AssertionError failure) throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            ClusterHost h = started.get(i);
            try {
                BrookDistribution.Result r =
                        BrookDistribution.exec(
                                work,
                                h.env(),
                                60,
                                VirtualNetwork.inNamespace(
                                        h.host(), List.of(script(h.script()), "stop")));
                if (r.exitCode() != 0) {
                    failure.addSuppressed(
                            new AssertionError(h.host() + ": " + r.stdout() + r.stderr()));
                }
            } catch (IOException | AssertionError e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Waits for the daemons to end; any process still running with one of the hosts' configurations
     * is a failure, and is killed: it would keep its namespace alive.
     */
    private static void endLeftovers(AssertionError failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!clusterProcesses().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<ProcessHandle> left = clusterProcesses();
        if (!left.isEmpty()) {
            failure.addSuppressed(
                    new AssertionError(
                            "processes left behind: "
                                    + left.stream()
                                            .map(p -> p.pid() + " " + p.info().commandLine())
                                            .toList()));
            for (ProcessHandle p : left) {
                p.destroyForcibly();
                p.onExit().join();
            }
        }
    }

    /** The daemons' logs outlive the temporary directory, for a failure's post-mortem. */
    private static void keepLogs() throws IOException {
        Map<String, Path> logDirs = new LinkedHashMap<>();
        logDirs.put("client", client.resolve("log"));
        for (ClusterHost h : hosts) {
            logDirs.put(h.host().name(), h.log());
        }
        for (Map.Entry<String, Path> dir : logDirs.entrySet()) {
            if (!Files.isDirectory(dir.getValue())) {
                continue;
            }
            Path keep =
                    Files.createDirectories(
                            Path.of("target", "two-host-cluster-logs", dir.getKey()));
            try (Stream<Path> logs = Files.list(dir.getValue())) {
                for (Path log : logs.toList()) {
                    Files.copy(
                            log,
                            keep.resolve(log.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<ProcessHandle> clusterProcesses() {
        return ProcessHandle.allProcesses()
                .filter(
                        p -> {
                            String commandLine = p.info().commandLine().orElse("");
                            return hosts.stream()
                                    .anyMatch(h -> commandLine.contains(h.conf().toString()));
                        })
                .toList();
    }

    static JsonNode rest(String path) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://" + jobManager + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
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

    @Test
    @Order(1)
    void taskManagersAdvertiseTheirHostsAddresses() throws Exception {
        Set<String> addresses = new HashSet<>();
        for (JsonNode tm : rest("/taskmanagers").path("taskmanagers")) {
            addresses.add(tm.path("path").asText());
            assertThat(tm.path("slotsNumber").asInt()).as(tm.toString()).isEqualTo(2);
        }
        assertThat(addresses)
                .containsExactlyInAnyOrder(
                        network.host("tm1").address(), network.host("tm2").address());
    }

    /**
     * Every line holds the same {@value #WORDS_PER_SUBTASK} words for each of the four counter
     * subtasks, all {@value #WORD_LENGTH} characters long, so every subtask receives the same bytes
     * of words. Each TaskManager runs two of the four (two slots each, one subtask of a vertex per
     * slot), so whichever source subtask reads a line and wherever it runs, half the line's word
     * bytes go to the other TaskManager. Every byte that crosses is counted by the interface of the
     * TaskManager sending it and by the receiver's, and a serialized record holds at least one byte
     * per character of its (ASCII) word: each interface carries at least half of all word bytes,
     * whatever else (headers, framing, control traffic) it carries besides.
     */
    @Test
    @Order(2)
    void wordCountShufflesAcrossTheHostsInterfaces() throws Exception {
        Path input = work.resolve("words.txt");
        String line = String.join(" ", wordsSpreadEvenlyOverSubtasks());
        try (var out = Files.newBufferedWriter(input)) {
            for (int i = 0; i < LINES; i++) {
                out.write(line);
                out.write('\n');
            }
        }
        long wordBytes = (long) LINES * PARALLELISM * WORDS_PER_SUBTASK * WORD_LENGTH;
        VirtualNetwork.Host tm1 = network.host("tm1");
        VirtualNetwork.Host tm2 = network.host("tm2");
        long tm1Before = network.bytesThrough(tm1);
        long tm2Before = network.bytesThrough(tm2);

        Path wordCount = BrookDistribution.home().resolve("examples/streaming/WordCount.jar");
        BrookDistribution.Result r =
                flink(
                        "run",
                        "-m",
                        jobManager,
                        "-p",
                        Integer.toString(PARALLELISM),
                        wordCount.toString(),
                        "--input",
                        input.toString(),
                        "--output",
                        work.resolve("wc-cluster").toString());
        long tm1Bytes = network.bytesThrough(tm1) - tm1Before;
        long tm2Bytes = network.bytesThrough(tm2) - tm2Before;
        assertThat(r.stdout()).contains("has finished.");
        JsonNode job = rest("/jobs/" + BrookDistribution.jobIdIn(r.stdout()));
        assertThat(job.path("state").asText()).isEqualTo("FINISHED");
        for (JsonNode vertex : job.path("vertices")) {
            assertThat(vertex.path("parallelism").asInt()).isEqualTo(PARALLELISM);
        }
        assertThat(tm1Bytes)
                .as("bytes through tm1's interface; %d bytes of words were shuffled", wordBytes)
                .isGreaterThanOrEqualTo(wordBytes / 2);
        assertThat(tm2Bytes)
                .as("bytes through tm2's interface; %d bytes of words were shuffled", wordBytes)
                .isGreaterThanOrEqualTo(wordBytes / 2);

        flink(
                "run",
                "-p",
                Integer.toString(PARALLELISM),
                wordCount.toString(),
                "--input",
                input.toString(),
                "--output",
                work.resolve("wc-embedded").toString());
        List<String> cluster = BrookDistribution.outputLines(work.resolve("wc-cluster"));
        List<String> embedded = BrookDistribution.outputLines(work.resolve("wc-embedded"));
        assertThat(cluster).hasSize(LINES * PARALLELISM * WORDS_PER_SUBTASK);
        assertThat(cluster.equals(embedded))
                .as(
                        () ->
                                "cluster and embedded output differ: "
                                        + firstDifference(cluster, embedded))
                .isTrue();
    }

    /**
     * {@value #WORDS_PER_SUBTASK} words of {@value #WORD_LENGTH} characters per counter subtask.
     */
    private static List<String> wordsSpreadEvenlyOverSubtasks() {
        int maxParallelism = KeyGroupRangeAssignment.computeDefaultMaxParallelism(PARALLELISM);
        int[] perSubtask = new int[PARALLELISM];
        List<String> words = new ArrayList<>();
        for (int n = 0; words.size() < PARALLELISM * WORDS_PER_SUBTASK; n++) {
            String word = String.format("w%0" + (WORD_LENGTH - 1) + "d", n);
            int subtask =
                    KeyGroupRangeAssignment.assignKeyToParallelOperator(
                            word, maxParallelism, PARALLELISM);
            if (perSubtask[subtask] < WORDS_PER_SUBTASK) {
                perSubtask[subtask]++;
                words.add(word);
            }
        }
        return words;
    }

    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "line " + i + " (sorted): '" + a.get(i) + "' vs '" + b.get(i) + "'";
            }
        }
        return a.size() + " vs " + b.size() + " lines";
    }

    private static BrookDistribution.Result flink(String... args) throws Exception {
        Map<String, String> env =
                Map.of(
                        "FLINK_CONF_DIR",
                        client.resolve("conf").toString(),
                        "FLINK_LOG_DIR",
                        client.resolve("log").toString());
        BrookDistribution.Result r = BrookDistribution.run(work, env, 120, "flink", args);
        assertThat(r.exitCode())
                .as(String.join(" ", args) + "\n" + r.stdout() + r.stderr())
                .isZero();
        return r;
    }
}
