package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.FlatMapFunction;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.datastream.SingleOutputStreamOperator;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.ProcessFunction;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The record-at-a-time operations of the DataStream API: each must emit exactly what its function
 * returns for each input record, at any parallelism, with no record lost, duplicated or sent to the
 * wrong output.
 */
class BasicTransformationsITCase {

    private static final int N = 3_000;

    private static List<Long> range(long from, long toExclusive) {
        return LongStream.range(from, toExclusive).boxed().collect(Collectors.toList());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void mapAppliesTheFunctionToEveryRecordOnce(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromSequence(0, N - 1).map(n -> "v" + (n * 3)).addSink(sink);
        env.execute("map");

        List<String> expected = range(0, N).stream().map(n -> "v" + (n * 3)).toList();
        assertSameMultiset(sink.getResults(), expected);
    }

    /** Emits {@code n} copies of {@code n % 4}-tagged values: 0, 1, 2 or 3 outputs per input. */
    static final class Repeat implements FlatMapFunction<Long, String> {
        @Override
        public void flatMap(Long value, Collector<String> out) {
            for (int i = 0; i < value % 4; i++) {
                out.collect(value + "#" + i);
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void flatMapEmitsZeroOrMoreRecordsPerInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromSequence(0, N - 1).flatMap(new Repeat()).addSink(sink);
        env.execute("flatMap");

        List<String> expected = new ArrayList<>();
        for (long n = 0; n < N; n++) {
            for (int i = 0; i < n % 4; i++) {
                expected.add(n + "#" + i);
            }
        }
        assertSameMultiset(sink.getResults(), expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void filterKeepsExactlyTheMatchingRecords(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Long> sink = new CollectingSink<>();
        env.fromSequence(0, N - 1).filter(n -> n % 7 == 3).addSink(sink);
        env.execute("filter");

        assertSameMultiset(
                sink.getResults(), range(0, N).stream().filter(n -> n % 7 == 3).toList());
    }

    /**
     * Even numbers go to the main output (times ten), odd numbers to the "odd" side output, and
     * multiples of three additionally to the "three" side output, of another type.
     */
    static final class Splitter extends ProcessFunction<Long, Long> {
        static final OutputTag<Long> ODD = new OutputTag<Long>("odd") {};
        static final OutputTag<String> THREE = new OutputTag<>("three", Types.STRING);

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 0) {
                out.collect(value * 10);
            } else {
                ctx.output(ODD, value);
            }
            if (value % 3 == 0) {
                ctx.output(THREE, "three:" + value);
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void processRoutesRecordsToMainAndSideOutputs(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Long> main = new CollectingSink<>();
        CollectingSink<Long> odd = new CollectingSink<>();
        CollectingSink<String> three = new CollectingSink<>();
        SingleOutputStreamOperator<Long> processed =
                env.fromSequence(0, N - 1).rebalance().process(new Splitter());
        processed.addSink(main);
        processed.getSideOutput(Splitter.ODD).addSink(odd);
        // The side output is consumed downstream of a shuffle too, so it crosses the network.
        processed.getSideOutput(Splitter.THREE).rebalance().addSink(three);
        env.execute("process with side outputs");

        assertSameMultiset(
                main.getResults(),
                range(0, N).stream().filter(n -> n % 2 == 0).map(n -> n * 10).toList());
        assertSameMultiset(odd.getResults(), range(0, N).stream().filter(n -> n % 2 == 1).toList());
        assertSameMultiset(
                three.getResults(),
                range(0, N).stream().filter(n -> n % 3 == 0).map(n -> "three:" + n).toList());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void sideOutputThatIsNotConsumedDoesNotDisturbTheMainOutput(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Long> main = new CollectingSink<>();
        env.fromSequence(0, N - 1).process(new Splitter()).addSink(main);
        env.execute("unused side outputs");

        assertSameMultiset(
                main.getResults(),
                range(0, N).stream().filter(n -> n % 2 == 0).map(n -> n * 10).toList());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void unionOfTwoStreamsHasTheRecordsOfBoth(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Long> sink = new CollectingSink<>();
        DataStream<Long> a = env.fromSequence(0, 999);
        DataStream<Long> b = env.fromSequence(1_000, 1_999).map(n -> n * 2);
        a.union(b).addSink(sink);
        env.execute("union of two");

        List<Long> expected = new ArrayList<>(range(0, 1_000));
        range(1_000, 2_000).forEach(n -> expected.add(n * 2));
        assertSameMultiset(sink.getResults(), expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void unionOfThreeStreamsWithDifferentParallelismAndPartitioning(int parallelism)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple2<String, Long>> sink = new CollectingSink<>();
        DataStream<Tuple2<String, Long>> a =
                env.fromSequence(0, 499)
                        .map(n -> Tuple2.of("a", n))
                        .returns(Types.TUPLE(Types.STRING, Types.LONG));
        DataStream<Tuple2<String, Long>> b =
                env.fromCollection(range(0, 300))
                        .map(n -> Tuple2.of("b", n))
                        .returns(Types.TUPLE(Types.STRING, Types.LONG));
        DataStream<Tuple2<String, Long>> c =
                env.fromSequence(0, 199)
                        .rebalance()
                        .map(n -> Tuple2.of("c", n))
                        .returns(Types.TUPLE(Types.STRING, Types.LONG));
        a.union(b, c.rebalance())
                .map(t -> t)
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .addSink(sink);
        env.execute("union of three");

        List<Tuple2<String, Long>> expected = new ArrayList<>();
        range(0, 500).forEach(n -> expected.add(Tuple2.of("a", n)));
        range(0, 300).forEach(n -> expected.add(Tuple2.of("b", n)));
        range(0, 200).forEach(n -> expected.add(Tuple2.of("c", n)));
        assertSameMultiset(sink.getResults(), expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void unionOfAStreamWithItselfDeliversEveryRecordTwice(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Long> sink = new CollectingSink<>();
        DataStream<Long> a = env.fromSequence(0, 999);
        a.union(a).map(n -> n + 1).addSink(sink);
        env.execute("self union");

        List<Long> expected = new ArrayList<>();
        for (long n = 0; n < 1_000; n++) {
            expected.add(n + 1);
            expected.add(n + 1);
        }
        assertSameMultiset(sink.getResults(), expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void chainedOperationsComposeInOrder(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromSequence(0, N - 1)
                .filter(n -> n % 2 == 1)
                .map(n -> n * n)
                .flatMap(new Repeat())
                .map(s -> "<" + s + ">")
                .addSink(sink);
        env.execute("pipeline");

        List<String> expected = new ArrayList<>();
        for (long n = 1; n < N; n += 2) {
            long sq = n * n;
            for (int i = 0; i < sq % 4; i++) {
                expected.add("<" + sq + "#" + i + ">");
            }
        }
        assertThat(expected).isNotEmpty();
        assertSameMultiset(sink.getResults(), expected);
    }
}
