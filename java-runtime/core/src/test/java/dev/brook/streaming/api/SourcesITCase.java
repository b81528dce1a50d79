package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import dev.brook.test.util.SubtaskTagger;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each built-in source produces exactly its data: nothing lost, nothing repeated, nothing added.
 */
class SourcesITCase {

    @TempDir Path tmp;

    @Test
    void fromElementsAtParallelismOneKeepsTheOrder() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromElements("c", "a", "b", "a", "é", "").addSink(sink);
        env.execute("fromElements");

        assertThat(sink.getResults()).containsExactly("c", "a", "b", "a", "é", "");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void fromElementsFeedsParallelOperations(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Integer> sink = new CollectingSink<>();
        env.fromElements(5, 3, 5, 1, 9, 0, -4).map(i -> i * 2).addSink(sink);
        env.execute("fromElements parallel");

        assertSameMultiset(sink.getResults(), List.of(10, 6, 10, 2, 18, 0, -8));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void fromCollectionEmitsEveryElementOnce(int parallelism) throws Exception {
        List<Tuple2<String, Integer>> data = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            data.add(Tuple2.of("e" + (i % 100), i));
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple2<String, Integer>> sink = new CollectingSink<>();
        env.fromCollection(data)
                .rebalance()
                .map(t -> t)
                .returns(Types.TUPLE(Types.STRING, Types.INT))
                .addSink(sink);
        env.execute("fromCollection");

        assertSameMultiset(sink.getResults(), data);
    }

    @Test
    void fromCollectionAtParallelismOneKeepsTheOrder() throws Exception {
        List<Integer> data =
                IntStream.range(0, 5_000).map(i -> (i * 7919) % 5_000).boxed().toList();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectingSink<Integer> sink = new CollectingSink<>();
        env.fromCollection(data).addSink(sink);
        env.execute("fromCollection ordered");

        assertThat(sink.getResults()).containsExactlyElementsOf(data);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void fromSequenceEmitsExactlyTheRangeAcrossSubtasks(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple2<Integer, Long>> sink = new CollectingSink<>();
        env.fromSequence(-500, 9_499).map(new SubtaskTagger<>()).addSink(sink);
        env.execute("fromSequence");

        List<Tuple2<Integer, Long>> results = sink.getResults();
        assertSameMultiset(
                results.stream().map(t -> t.f1).toList(),
                LongStream.rangeClosed(-500, 9_499).boxed().toList());
        assertThat(results).allSatisfy(t -> assertThat(t.f0).isBetween(0, parallelism - 1));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void fromSequenceOfOneNumber(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Long> sink = new CollectingSink<>();
        env.fromSequence(42, 42).addSink(sink);
        env.execute("fromSequence single");

        assertThat(sink.getResults()).containsExactly(42L);
    }

    // ------------------------------------------------------------------ files

    private static List<String> lines(String prefix, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> prefix + " line " + i + " \u00fc\u20ac")
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void readTextFileReadsEveryLineOfAFile(int parallelism) throws Exception {
        List<String> lines = new ArrayList<>(lines("f", 3_000));
        lines.add(1_000, "");
        lines.add(2_000, "   ");
        Path file = tmp.resolve("input.txt");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        env.readTextFile(file.toString()).addSink(sink);
        env.execute("readTextFile");

        assertSameMultiset(sink.getResults(), lines);
    }

    @Test
    void readTextFileAtParallelismOneKeepsTheLineOrder() throws Exception {
        List<String> lines = lines("ordered", 2_000);
        Path file = tmp.resolve("ordered.txt");
        // CRLF line ends and no final line end.
        Files.writeString(file, String.join("\r\n", lines), StandardCharsets.UTF_8);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectingSink<String> sink = new CollectingSink<>();
        env.readTextFile(file.toString()).addSink(sink);
        env.execute("readTextFile ordered");

        assertThat(sink.getResults()).containsExactlyElementsOf(lines);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void readTextFileReadsEveryFileOfADirectory(int parallelism) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("in"));
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            List<String> lines = lines("file" + f, 400 + f * 100);
            Files.write(dir.resolve("part-" + f + ".txt"), lines, StandardCharsets.UTF_8);
            expected.addAll(lines);
        }
        Path nested = Files.createDirectory(dir.resolve("nested"));
        List<String> nestedLines = lines("nested", 50);
        Files.write(nested.resolve("deep.txt"), nestedLines, StandardCharsets.UTF_8);
        expected.addAll(nestedLines);
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        // Hidden files are skipped, like Flink's file source does.
        Files.write(dir.resolve(".hidden"), List.of("must not be read"), StandardCharsets.UTF_8);
        Files.write(dir.resolve("_SUCCESS"), List.of("must not be read"), StandardCharsets.UTF_8);

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        env.readTextFile(dir.toString()).addSink(sink);
        env.execute("readTextFile directory");

        assertSameMultiset(sink.getResults(), expected);
    }

    // ------------------------------------------------------------------ generator

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void dataGeneratorSourceCallsTheGeneratorOncePerIndex(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        DataGeneratorSource<String> source =
                new DataGeneratorSource<>(i -> "gen-" + i * i, 5_000, Types.STRING);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "generator").addSink(sink);
        env.execute("data generator");

        assertSameMultiset(
                sink.getResults(),
                LongStream.range(0, 5_000).mapToObj(i -> "gen-" + i * i).toList());
    }

    // ------------------------------------------------------------------ socket

    /** Accepts one connection, writes {@code payload}, closes. */
    private static CompletableFuture<Void> serveOnce(ServerSocket server, String payload) {
        return CompletableFuture.runAsync(
                () -> {
                    try (Socket client = server.accept();
                            OutputStream out = client.getOutputStream()) {
                        out.write(payload.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
    }

    @ParameterizedTest(name = "final line end: {0}")
    @ValueSource(booleans = {true, false})
    void socketTextStreamEmitsTheServersLinesAndEndsWhenTheServerCloses(boolean finalLineEnd)
            throws Exception {
        // Enough data for several socket reads and more lines than the reader's hand-off queue.
        List<String> lines = lines("socket", 20_000);
        lines.set(5, "");
        String payload = String.join("\n", lines) + (finalLineEnd ? "\n" : "");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = serveOnce(server, payload);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            CollectingSink<String> sink = new CollectingSink<>();
            env.socketTextStream("127.0.0.1", server.getLocalPort()).addSink(sink);
            env.execute("socket");

            served.join();
            assertThat(sink.getResults()).containsExactlyElementsOf(lines);
        }
    }

    @Test
    void socketTextStreamWithACustomDelimiterAndCrlfLines() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = serveOnce(server, "a;b\r\n;;c;");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            CollectingSink<String> sink = new CollectingSink<>();
            env.socketTextStream("127.0.0.1", server.getLocalPort(), ";")
                    .addSink(sink)
                    .setParallelism(1);
            env.execute("socket custom delimiter");

            served.join();
            assertThat(sink.getResults()).containsExactly("a", "b\r\n", "", "c");
        }
    }
}
