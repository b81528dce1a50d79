package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.co.CoMapFunction;
import dev.brook.test.util.CollectingSink;
import dev.brook.test.util.SubtaskTagger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shapes of data and plans that stress the edges of the engine: records larger than a network
 * buffer, empty inputs, inputs that end at very different times, and plans whose parallelism
 * changes at every step.
 */
class EdgeCasesITCase {

    private static String payload(long i, int length) {
        StringBuilder sb = new StringBuilder(length);
        sb.append(i).append('#');
        while (sb.length() < length) {
            sb.append((char) ('A' + (sb.length() * 7 + i) % 26));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void recordsLargerThanANetworkBufferArriveIntact(int parallelism) throws Exception {
        // Sizes from 0 bytes to several 32 KB segments, mixed so records straddle buffer ends.
        int[] sizes = {0, 1, 100, 32 * 1024 - 7, 32 * 1024, 32 * 1024 + 1, 100_000, 250_000, 5};
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            int size = sizes[i % sizes.length];
            records.add(size == 0 ? "" : payload(i, size));
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromCollection(records).rebalance().map(s -> s).rebalance().addSink(sink);
        env.execute("large records");

        assertSameMultiset(sink.getResults(), records);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void anEmptySourceEndsTheJobWithNoRecords(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Long> sink = new CollectingSink<>();
        env.fromCollection(List.<Long>of(), Types.LONG)
                .rebalance()
                .map(n -> n + 1)
                .keyBy(n -> n)
                .sum(0)
                .addSink(sink);
        env.execute("empty");

        assertThat(sink.getResults()).isEmpty();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void unionWithAnEmptyInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Long> sink = new CollectingSink<>();
        DataStream<Long> empty = env.fromCollection(List.<Long>of(), Types.LONG);
        env.fromSequence(0, 999).union(empty).addSink(sink);
        env.execute("union with empty");

        assertSameMultiset(sink.getResults(), LongStream.range(0, 1_000).boxed().toList());
    }

    static final class Sides implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "n" + value;
        }

        @Override
        public String map2(String value) {
            return "s" + value;
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void twoInputOperatorWhoseInputsEndAtVeryDifferentTimes(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        DataStream<String> oneWord = env.fromElements("only");
        DataStream<String> noWords = env.fromCollection(List.<String>of(), Types.STRING);
        env.fromSequence(0, 19_999).connect(oneWord.union(noWords)).map(new Sides()).addSink(sink);
        env.execute("uneven two-input");

        List<String> expected =
                LongStream.range(0, 20_000).mapToObj(n -> "n" + n).collect(Collectors.toList());
        expected.add("sonly");
        assertSameMultiset(sink.getResults(), expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void parallelismChangesAtEveryStep(int base) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(base);
        CollectingSink<Tuple2<Integer, Tuple2<String, Long>>> sink = new CollectingSink<>();
        env.fromSequence(0, 4_999)
                .setParallelism(2)
                .map(n -> n * 3)
                .setParallelism(4)
                .filter(n -> n % 2 == 0)
                .setParallelism(1)
                .keyBy(n -> n % 11)
                .map(n -> Tuple2.of("k" + n % 11, n))
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .setParallelism(3)
                .rescale()
                .map(new SubtaskTagger<>())
                .setParallelism(5)
                .addSink(sink)
                .setParallelism(2);
        env.execute("changing parallelism");

        List<Tuple2<String, Long>> expected = new ArrayList<>();
        for (long n = 0; n < 5_000; n++) {
            long m = n * 3;
            if (m % 2 == 0) {
                expected.add(Tuple2.of("k" + m % 11, m));
            }
        }
        List<Tuple2<Integer, Tuple2<String, Long>>> results = sink.getResults();
        assertSameMultiset(results.stream().map(t -> t.f1).toList(), expected);
        assertThat(results).allSatisfy(t -> assertThat(t.f0).isBetween(0, 4));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {2, 4})
    void keyedOperatorWithMoreSubtasksThanKeys(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple2<String, Long>> sink = new CollectingSink<>();
        env.fromSequence(1, 100)
                .map(n -> Tuple2.of("only-key", n))
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .addSink(sink);
        env.execute("one key");

        List<Tuple2<String, Long>> results = sink.getResults();
        assertThat(results).hasSize(100);
        assertThat(results.stream().mapToLong(t -> t.f1).max().orElseThrow()).isEqualTo(5_050);
    }
}
