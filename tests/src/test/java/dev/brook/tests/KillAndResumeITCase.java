package dev.brook.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole job is killed ({@code kill -9} of {@code bin/flink run} and its embedded cluster) in
 * the middle of its run, then resumed with {@code bin/flink run -s <latest checkpoint>}: its
 * exactly-once file output equals that of a run without the kill. On both state backends.
 */
class KillAndResumeITCase {

    private static final long COUNT = 6000;

    @TempDir static Path work;
    static File jobs;

    @BeforeAll
    static void packageTestJobs() throws Exception {
        jobs =
                BrookDistribution.jobJar(
                        work.resolve("kill-jobs.jar"), "dev/brook/tests/jobs", null);
    }

    private static List<String> expected() {
        return expected(COUNT);
    }

    /** What {@code CountingFileJob} writes for {@code count} numbers. */
    static List<String> expected(long count) {
        List<String> lines = new ArrayList<>();
        Map<Long, Long> counts = new HashMap<>();
        Map<String, Long> windows = new TreeMap<>();
        for (long i = 0; i < count; i++) {
            lines.add("count " + i % 5 + " " + counts.merge(i % 5, 1L, Long::sum));
            windows.merge(i % 5 + " " + (i - i % 100), i, Long::sum);
        }
        windows.forEach((w, sum) -> lines.add("window " + w + " " + sum));
        return lines.stream().sorted().toList();
    }

    static List<String> committed(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        return lines.stream().sorted().toList();
    }

    /** The number of the newest completed checkpoint under {@code dir}, -1 if none. */
    static long latestCheckpointNumber(Path dir) throws Exception {
        return latestCheckpoint(dir)
                .map(p -> Long.parseLong(p.getFileName().toString().substring(4)))
                .orElse(-1L);
    }

    /** The newest completed checkpoint under {@code dir}, if any. */
    private static Optional<Path> latestCheckpoint(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return Optional.empty();
        }
        // The running job deletes checkpoints it no longer retains, maybe during the walk.
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> paths = Files.walk(dir, 2)) {
                return paths.filter(p -> p.getFileName().toString().startsWith("chk-"))
                        .filter(p -> Files.exists(p.resolve("_metadata")))
                        .max(
                                Comparator.comparingLong(
                                        p ->
                                                Long.parseLong(
                                                        p.getFileName().toString().substring(4))));
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException) || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    @ParameterizedTest(name = "state backend {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aKilledJobResumesFromItsLatestCheckpointWithExactlyOnceOutput(String backend)
            throws Exception {
        Path dir = Files.createDirectories(work.resolve(backend));
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        List<String> common =
                List.of(
                        "-Dexecution.checkpointing.interval=100ms",
                        "-Dexecution.checkpointing.dir=" + checkpoints,
                        "-Dstate.backend.type=" + backend,
                        "-p",
                        "2",
                        "-c",
                        "dev.brook.tests.jobs.CountingFileJob",
                        jobs.toString(),
                        out.toString(),
                        Long.toString(COUNT),
                        "3000");

        List<String> run = new ArrayList<>(List.of("run"));
        run.addAll(common);
        Process first = BrookDistribution.start(dir, "flink", run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Kill once a few checkpoints are complete, well before the end (about 2 s of data).
        while (latestCheckpoint(checkpoints)
                .map(p -> Long.parseLong(p.getFileName().toString().substring(4)) < 3)
                .orElse(true)) {
            assertThat(first.isAlive()).as("the job ended before it could be killed").isTrue();
            assertThat(System.nanoTime()).as("no checkpoints within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        BrookDistribution.killTree(first);
        Path latest = latestCheckpoint(checkpoints).orElseThrow();

        List<String> resume = new ArrayList<>(List.of("run", "-s", latest.toString()));
        resume.addAll(common);
        BrookDistribution.Result r =
                BrookDistribution.run(dir, 120, "flink", resume.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();

        assertThat(committed(out)).isEqualTo(expected());
    }
}
