package dev.brook.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.java.tuple.Tuple4;
import dev.brook.streaming.examples.util.SampleText;
import dev.brook.streaming.examples.windowing.util.CarEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The windowing examples run with {@code bin/flink}; their output is compared with results the test
 * computes itself from the same input.
 */
class WindowingExamplesITCase {

    /** A printed or written line, with the subtask prefix parallel printing adds. */
    private static final Pattern TUPLE = Pattern.compile("^(?:\\d+> )?\\((.*)\\)$");

    @TempDir static Path work;

    // ------------------------------------------------------------------ WindowWordCount

    /**
     * Count windows of {@code size} sliding by {@code slide}, per word: every {@code slide}-th
     * occurrence reports how many of the word's last {@code size} occurrences there are.
     */
    static Map<String, List<Integer>> expectedWindowCounts(
            List<String> lines, int size, int slide) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<Integer>> reports = new TreeMap<>();
        for (String line : lines) {
            for (String word : line.toLowerCase().split("\\W+")) {
                if (word.isEmpty()) {
                    continue;
                }
                int n = seen.merge(word, 1, Integer::sum);
                if (n % slide == 0) {
                    reports.computeIfAbsent(word, w -> new ArrayList<>()).add(Math.min(n, size));
                }
            }
        }
        return reports;
    }

    /** {@code (word,count)} lines, per word in the order they appear. */
    static Map<String, List<Integer>> wordCounts(List<String> lines) {
        Map<String, List<Integer>> counts = new TreeMap<>();
        for (String line : lines) {
            Matcher m = TUPLE.matcher(line.trim());
            if (m.matches()) {
                String[] f = m.group(1).split(",");
                counts.computeIfAbsent(f[0], w -> new ArrayList<>()).add(Integer.parseInt(f[1]));
            }
        }
        return counts;
    }

    @Test
    void windowWordCountOnBuiltInText() throws Exception {
        BrookDistribution.Result r =
                flink(
                        "run",
                        "examples/streaming/WindowWordCount.jar",
                        "--window",
                        "3",
                        "--slide",
                        "2");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Executing WindowWordCount example with default input");
        Map<String, List<Integer>> expected = expectedWindowCounts(List.of(SampleText.LINES), 3, 2);
        // "to" occurs 6 times: windows fire at its 2nd, 4th and 6th occurrence.
        assertThat(expected).containsEntry("to", List.of(2, 3, 3));
        assertThat(wordCounts(BrookDistribution.lines(r.stdout()))).isEqualTo(expected);
    }

    @Test
    void windowWordCountWithDefaultWindowsOverFilesWritesOutput() throws Exception {
        // Enough occurrences for the default windows (250, sliding by 150) to fire.
        Path first = Files.writeString(work.resolve("words-1.txt"), "Brook river, ".repeat(220));
        Path second =
                Files.writeString(
                        work.resolve("words-2.txt"),
                        "brook\n".repeat(180) + "Rare words\n".repeat(10));
        Path out = work.resolve("window-word-count");
        BrookDistribution.Result r =
                flink(
                        "run",
                        "-p",
                        "2",
                        jar("WindowWordCount"),
                        "--input",
                        first.toString(),
                        "--input",
                        second.toString(),
                        "--output",
                        out.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Map<String, List<Integer>> expected =
                expectedWindowCounts(
                        List.of(Files.readString(first), Files.readString(second)), 250, 150);
        assertThat(expected)
                .containsOnly(
                        Map.entry("brook", List.of(150, 250)), Map.entry("river", List.of(150)));
        Map<String, List<Integer>> got = wordCounts(writtenLines(out));
        got.values().forEach(Collections::sort);
        assertThat(got).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ SessionWindowing

    /** The sessions of the example's built-in events (gap 3 ms), in the order they close. */
    private static final List<String> SESSIONS =
            List.of("(a,1,1)", "(b,1,3)", "(c,6,1)", "(a,10,1)", "(c,11,1)");

    @Test
    void sessionWindowingPrintsEachSessionsSum() throws Exception {
        BrookDistribution.Result r = flink("run", "examples/streaming/SessionWindowing.jar");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(tupleLines(BrookDistribution.lines(r.stdout())))
                .containsExactlyElementsOf(SESSIONS);
    }

    @Test
    void sessionWindowingWritesOutput() throws Exception {
        Path out = work.resolve("sessions");
        BrookDistribution.Result r =
                flink("run", jar("SessionWindowing"), "--output", out.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(writtenLines(out)).containsExactlyElementsOf(SESSIONS);
    }

    // ------------------------------------------------------------------ TopSpeedWindowing

    /** One car event; prints as the example prints its tuples. */
    record Car(int id, int speed, double distance, long timestamp) {
        @Override
        public String toString() {
            return "(" + id + "," + speed + "," + distance + "," + timestamp + ")";
        }

        String csv() {
            return id + "," + speed + "," + distance + "," + timestamp;
        }
    }

    /**
     * Per car: whenever it has driven more than 50 m since the event that last reported (or since
     * its first event), report the first event with the highest speed among its events of the last
     * 10 seconds (those within 10 s of the newest).
     */
    static Map<Integer, List<String>> expectedTopSpeeds(List<Car> events) {
        Map<Integer, List<Car>> windows = new HashMap<>();
        Map<Integer, Car> references = new HashMap<>();
        Map<Integer, List<String>> reports = new TreeMap<>();
        for (Car e : events) {
            List<Car> window = windows.computeIfAbsent(e.id(), id -> new ArrayList<>());
            window.add(e);
            Car reference = references.putIfAbsent(e.id(), e);
            if (reference == null || e.distance() - reference.distance() <= 50) {
                continue;
            }
            references.put(e.id(), e);
            long newest = window.stream().mapToLong(Car::timestamp).max().orElseThrow();
            window.removeIf(c -> c.timestamp() <= newest - 10_000);
            Car top = window.get(0);
            for (Car c : window) {
                if (c.speed() > top.speed()) {
                    top = c;
                }
            }
            reports.computeIfAbsent(e.id(), id -> new ArrayList<>()).add(top.toString());
        }
        return reports;
    }

    /** Reported events per car, in the order they appear. */
    static Map<Integer, List<String>> reportsPerCar(List<String> lines) {
        Map<Integer, List<String>> reports = new TreeMap<>();
        for (String line : tupleLines(lines)) {
            int car = Integer.parseInt(line.substring(1, line.indexOf(',')));
            reports.computeIfAbsent(car, id -> new ArrayList<>()).add(line);
        }
        return reports;
    }

    @Test
    void topSpeedWindowingFromAFile() throws Exception {
        // Car 0 slows down steadily, so its top speed is always its oldest event not yet evicted;
        // car 1 repeats 40, 50, 60, 70 km/h, so maxBy has ties to break (the earliest wins).
        List<Car> events = new ArrayList<>();
        double[] distance = new double[2];
        for (int second = 0; second < 40; second++) {
            int[] speeds = {100 - 2 * second, 40 + (second % 4) * 10};
            for (int car = 0; car < 2; car++) {
                distance[car] += speeds[car] / 3.6;
                events.add(new Car(car, speeds[car], distance[car], second * 1000L));
            }
        }
        Path input = Files.write(work.resolve("cars.csv"), events.stream().map(Car::csv).toList());
        Path out = work.resolve("top-speeds");
        BrookDistribution.Result r =
                flink(
                        "run",
                        "-p",
                        "2",
                        jar("TopSpeedWindowing"),
                        "--input",
                        input.toString(),
                        "--output",
                        out.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Map<Integer, List<String>> expected = expectedTopSpeeds(events);
        assertThat(expected.get(0)).hasSizeGreaterThan(10);
        assertThat(expected.get(1)).hasSizeGreaterThan(5);
        assertThat(reportsPerCar(writtenLines(out))).isEqualTo(expected);
    }

    @Test
    void topSpeedWindowingOnGeneratedCars() throws Exception {
        BrookDistribution.Result r =
                flink(
                        "run",
                        "examples/streaming/TopSpeedWindowing.jar",
                        "--cars",
                        "3",
                        "--seconds",
                        "60",
                        "--seed",
                        "7");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<Car> events = new ArrayList<>();
        for (Tuple4<Integer, Integer, Double, Long> e : CarEvents.generate(3, 60, 7)) {
            events.add(new Car(e.f0, e.f1, e.f2, e.f3));
        }
        Map<Integer, List<String>> expected = expectedTopSpeeds(events);
        assertThat(expected).containsOnlyKeys(0, 1, 2);
        assertThat(reportsPerCar(BrookDistribution.lines(r.stdout()))).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ helpers

    private static BrookDistribution.Result flink(String... args) throws Exception {
        return BrookDistribution.run(BrookDistribution.home(), 120, "flink", args);
    }

    private static String jar(String example) {
        return BrookDistribution.home()
                .resolve("examples/streaming/" + example + ".jar")
                .toString();
    }

    private static List<String> tupleLines(List<String> lines) {
        List<String> tuples = new ArrayList<>();
        for (String line : lines) {
            Matcher m = TUPLE.matcher(line.trim());
            if (m.matches()) {
                tuples.add("(" + m.group(1) + ")");
            }
        }
        return tuples;
    }

    /** The lines of the finished part files under {@code dir}, file by file in name order. */
    private static List<String> writtenLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                assertThat(f.getFileName().toString())
                        .doesNotContain("inprogress")
                        .startsWith("part-");
                lines.addAll(Files.readAllLines(f));
            }
        }
        return lines;
    }
}
