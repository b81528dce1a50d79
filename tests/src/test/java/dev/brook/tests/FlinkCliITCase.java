package dev.brook.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.streaming.examples.util.SampleText;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/flink} as a user runs it: examples, options, and clear failures. */
class FlinkCliITCase {

    private static final Pattern COUNT = Pattern.compile("^(?:\\d+> )?\\(([^,]+),(\\d+)\\)$");

    @TempDir static Path work;
    static File jobs;

    @BeforeAll
    static void packageTestJobs() throws Exception {
        jobs =
                BrookDistribution.jobJar(
                        work.resolve("test-jobs.jar"), "dev/brook/tests/jobs", null);
    }

    static Map<String, Integer> expectedCounts(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            for (String token : line.toLowerCase().split("\\W+")) {
                if (!token.isEmpty()) {
                    counts.merge(token, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The final count per word, and checks that each word's counts rise 1, 2, 3, ... */
    static Map<String, Integer> finalCounts(List<String> outputLines) {
        Map<String, Integer> last = new HashMap<>();
        for (String line : outputLines) {
            Matcher m = COUNT.matcher(line.trim());
            if (m.matches()) {
                int count = Integer.parseInt(m.group(2));
                Integer previous = last.put(m.group(1), count);
                assertThat(count)
                        .as("update after %s for %s", previous, m.group(1))
                        .isEqualTo(previous == null ? 1 : previous + 1);
            }
        }
        return last;
    }

    @Test
    void wordCountExampleOnBuiltInText() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(
                        BrookDistribution.home(),
                        120,
                        "flink",
                        "run",
                        "examples/streaming/WordCount.jar");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout())
                .contains("Job has been submitted with JobID ")
                .contains("Program execution finished");
        assertThat(finalCounts(BrookDistribution.lines(r.stdout())))
                .isEqualTo(expectedCounts(List.of(SampleText.LINES)));
    }

    @Test
    void wordCountReadsFilesAndDirectoriesAndWritesOutput() throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "The cat sat.\nThe DOG sat!\n");
        Files.createDirectories(in.resolve("sub"));
        Files.writeString(in.resolve("sub/b.txt"), "a cat, a dog; the end\n");
        Files.writeString(in.resolve(".hidden"), "ignored words here\n");
        Path extra = Files.writeString(work.resolve("extra.txt"), "cat cat\n");
        Path out = work.resolve("out");
        BrookDistribution.Result r =
                BrookDistribution.run(
                        work,
                        120,
                        "flink",
                        "run",
                        "-p",
                        "2",
                        BrookDistribution.home()
                                .resolve("examples/streaming/WordCount.jar")
                                .toString(),
                        "--input",
                        in.toString(),
                        "--input",
                        extra.toString(),
                        "--output",
                        out.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        StringBuilder written = new StringBuilder();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertThat(f.getFileName().toString())
                        .doesNotContain("inprogress")
                        .startsWith("part-");
                written.append(Files.readString(f));
            }
        }
        Map<String, Integer> got = new HashMap<>();
        for (String line : BrookDistribution.lines(written.toString())) {
            Matcher m = COUNT.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            got.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
        }
        assertThat(got)
                .isEqualTo(
                        expectedCounts(
                                List.of(
                                        "The cat sat.",
                                        "The DOG sat!",
                                        "a cat, a dog; the end",
                                        "cat cat")));
    }

    @Test
    void parallelPrintPrefixesSubtask() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(
                        BrookDistribution.home(),
                        120,
                        "flink",
                        "run",
                        "-p",
                        "2",
                        "examples/streaming/WordCount.jar");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().lines().filter(l -> l.matches("^[12]> \\(.*\\)$")).count())
                .isGreaterThan(50);
        assertThat(finalCounts(BrookDistribution.lines(r.stdout())))
                .isEqualTo(expectedCounts(List.of(SampleText.LINES)));
    }

    @Test
    void sideOutputExample() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(
                        BrookDistribution.home(),
                        120,
                        "flink",
                        "run",
                        "examples/streaming/SideOutputWordCount.jar",
                        "--max-length",
                        "4");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout())
                .contains("rejected> tomorrow".replace("tomorrow", "morrow"))
                .contains("counted> (to,")
                .doesNotContain("counted> (morrow");
    }

    @Test
    void trivialJobRunsFromMainClassOption() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(
                        work,
                        60,
                        "flink",
                        "run",
                        "-c",
                        "dev.brook.tests.jobs.TrivialJob",
                        jobs.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().lines().filter(l -> l.matches("\\d")).toList())
                .containsExactly("1", "2", "3");
    }

    @Test
    void missingInputPathFailsClearly() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(
                        BrookDistribution.home(),
                        60,
                        "flink",
                        "run",
                        "examples/streaming/WordCount.jar",
                        "--input",
                        "/no/such/dir/words.txt");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("Input path '/no/such/dir/words.txt' does not exist");
        assertThat(r.stderr().lines().count()).as(r.stderr()).isLessThan(25);
    }

    @Test
    void unknownMainClassFailsClearly() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(
                        work, 60, "flink", "run", "-c", "com.example.Nope", jobs.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("Could not find the main class 'com.example.Nope'");
    }

    @Test
    void missingJarFailsClearly() throws Exception {
        BrookDistribution.Result r = BrookDistribution.run(work, 60, "flink", "run", "no-such.jar");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("JAR file does not exist: no-such.jar");
    }

    @Test
    void jarWithoutEntryPointFailsClearly() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(work, 60, "flink", "run", jobs.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("Neither a main class (-c) was given");
    }

    @Test
    void throwingFunctionFailsWithItsMessageAndFrame() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(
                        work,
                        60,
                        "flink",
                        "run",
                        "-c",
                        "dev.brook.tests.jobs.ThrowingJob",
                        jobs.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr())
                .contains("java.lang.IllegalStateException: record 5 is cursed")
                .contains("at dev.brook.tests.jobs.ThrowingJob$Exploding.map(ThrowingJob.java");
        assertThat(r.stderr().lines().count()).as(r.stderr()).isLessThan(25);
    }

    @Test
    void notSerializableFunctionFailsClearly() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(
                        work,
                        60,
                        "flink",
                        "run",
                        "-c",
                        "dev.brook.tests.jobs.NotSerializableJob",
                        jobs.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr())
                .contains("is not serializable")
                .contains("dev.brook.tests.jobs.NotSerializableJob$Connection");
    }

    @Test
    void programWithoutExecuteFailsClearly() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(
                        work,
                        60,
                        "flink",
                        "run",
                        "-c",
                        "dev.brook.tests.jobs.NoExecuteJob",
                        jobs.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("forgot to call execute()");
    }

    @Test
    void helpDocumentsTheFlags() throws Exception {
        BrookDistribution.Result top = BrookDistribution.run(work, 60, "flink", "--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.stdout()).contains("run");
        BrookDistribution.Result run = BrookDistribution.run(work, 60, "flink", "run", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .contains("--parallelism")
                .contains("--class")
                .contains("<jar-file>");
    }

    @Test
    void invalidOptionIsReported() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(work, 60, "flink", "run", "-p", "zero", jobs.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("Invalid command line").contains("zero");
    }
}
