package dev.brook.connector.file.sink;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.serialization.SimpleStringEncoder;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.configuration.MemorySize;
import dev.brook.core.fs.Path;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.brook.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bounded job writing through {@link FileSink} leaves exactly its records in finished part files,
 * and no in-progress (hidden) files.
 */
class FileSinkITCase {

    private static final int N = 5_000;

    @TempDir java.nio.file.Path tmp;

    private static List<String> records() {
        return LongStream.range(0, N)
                .mapToObj(i -> "record-" + i + "-\u00e9")
                .collect(Collectors.toList());
    }

    private static List<java.nio.file.Path> allFiles(java.nio.file.Path dir) throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<String> allLines(List<java.nio.file.Path> files) throws IOException {
        List<String> lines = new ArrayList<>();
        for (java.nio.file.Path f : files) {
            lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static void assertNoInProgressFiles(List<java.nio.file.Path> files) {
        assertThat(files)
                .allSatisfy(
                        f -> {
                            assertThat(f.getFileName().toString()).doesNotStartWith(".");
                            assertThat(f.getFileName().toString()).doesNotContain("inprogress");
                        });
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void writesExactlyTheRecordsIntoFinishedPartFiles(int parallelism) throws Exception {
        java.nio.file.Path out = tmp.resolve("out");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.fromCollection(records())
                .rebalance()
                .sinkTo(
                        FileSink.forRowFormat(
                                        new Path(out.toString()), new SimpleStringEncoder<String>())
                                .withBucketAssigner(new BasePathBucketAssigner<>())
                                .build());
        env.execute("file sink");

        List<java.nio.file.Path> files = allFiles(out);
        assertNoInProgressFiles(files);
        assertThat(files).allSatisfy(f -> assertThat(f.getParent()).isEqualTo(out));
        // One part file per subtask: part-<uuid>-<subtask>-<counter>.
        assertThat(files).hasSize(parallelism);
        assertThat(files)
                .allSatisfy(
                        f ->
                                assertThat(f.getFileName().toString())
                                        .matches(
                                                "part-[0-9a-f-]+-[0-" + (parallelism - 1) + "]-0"));
        assertSameMultiset(allLines(files), records());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void rollsPartFilesBySizeWithoutLosingRecords(int parallelism) throws Exception {
        java.nio.file.Path out = tmp.resolve("rolled");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.fromCollection(records())
                .rebalance()
                .sinkTo(
                        FileSink.forRowFormat(
                                        new Path(out.toString()), new SimpleStringEncoder<String>())
                                .withBucketAssigner(new BasePathBucketAssigner<>())
                                .withRollingPolicy(
                                        DefaultRollingPolicy.builder()
                                                .withMaxPartSize(new MemorySize(4 * 1024))
                                                .build())
                                .withOutputFileConfig(
                                        OutputFileConfig.builder()
                                                .withPartPrefix("data")
                                                .withPartSuffix(".txt")
                                                .build())
                                .build());
        env.execute("file sink rolling");

        List<java.nio.file.Path> files = allFiles(out);
        assertNoInProgressFiles(files);
        // ~70 KB in 4 KB parts.
        assertThat(files).hasSizeGreaterThan(10);
        assertThat(files)
                .allSatisfy(
                        f -> {
                            assertThat(f.getFileName().toString())
                                    .startsWith("data-")
                                    .endsWith(".txt");
                            // A part rolls once it reached the size, so it exceeds it by less than
                            // a record.
                            assertThat(Files.size(f)).isLessThan(4 * 1024 + 32);
                        });
        assertSameMultiset(allLines(files), records());
    }

    @Test
    void defaultBucketAssignerWritesIntoDateTimeBuckets() throws Exception {
        java.nio.file.Path out = tmp.resolve("bucketed");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromCollection(records())
                .sinkTo(
                        FileSink.forRowFormat(
                                        new Path(out.toString()), new SimpleStringEncoder<String>())
                                .build());
        env.execute("file sink buckets");

        List<java.nio.file.Path> files = allFiles(out);
        assertNoInProgressFiles(files);
        assertThat(files)
                .allSatisfy(
                        f ->
                                assertThat(out.relativize(f.getParent()).toString())
                                        .matches("[0-9]{4}-[0-9]{2}-[0-9]{2}--[0-9]{2}"));
        assertSameMultiset(allLines(files), records());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void csvRowEncoderWritesQuotedCsvLines(int parallelism) throws Exception {
        java.nio.file.Path out = tmp.resolve("csv");
        List<Tuple3<String, Integer, String>> records = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(Tuple3.of("plain" + i, i, "a,b"));
            expected.add("plain" + i + "," + i + ",\"a,b\"");
            records.add(Tuple3.of("say \"" + i + "\"", -i, null));
            expected.add("\"say \"\"" + i + "\"\"\"," + -i + ",");
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.fromCollection(records, Types.TUPLE(Types.STRING, Types.INT, Types.STRING))
                .rebalance()
                .sinkTo(
                        FileSink.forRowFormat(
                                        new Path(out.toString()),
                                        new CsvRowEncoder<Tuple3<String, Integer, String>>())
                                .withBucketAssigner(new BasePathBucketAssigner<>())
                                .build());
        env.execute("csv sink");

        List<java.nio.file.Path> files = allFiles(out);
        assertNoInProgressFiles(files);
        assertSameMultiset(allLines(files), expected);
    }
}
