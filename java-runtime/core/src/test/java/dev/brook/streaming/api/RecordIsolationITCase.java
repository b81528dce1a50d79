package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;

import dev.brook.api.common.functions.FlatMapFunction;
import dev.brook.api.common.functions.MapFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With object reuse disabled (the default, as in Flink), what one function does to a record it
 * received or emitted must not change the record any other consumer sees: records are copied
 * between chained operators where sharing could be observed.
 */
class RecordIsolationITCase {

    private static final TypeInformation<Tuple2<Long, Long>> PAIR =
            Types.TUPLE(Types.LONG, Types.LONG);
    private static final int N = 1_000;

    private static List<Tuple2<Long, Long>> pairs(long f1Offset) {
        List<Tuple2<Long, Long>> out = new ArrayList<>();
        for (long v = 0; v < N; v++) {
            out.add(Tuple2.of(v, v + f1Offset));
        }
        return out;
    }

    /** Changes its input in place and returns it, as much Flink user code does. */
    static final class MutateInPlace
            implements MapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Tuple2<Long, Long> value) {
            value.f1 = -1L;
            return value;
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void chainedConsumersThatMutateTheirInputDoNotAffectEachOther(int parallelism)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple2<Long, Long>> mutated = new CollectingSink<>();
        CollectingSink<Tuple2<Long, Long>> untouched = new CollectingSink<>();
        DataStream<Tuple2<Long, Long>> pairs =
                env.fromSequence(0, N - 1).map(v -> Tuple2.of(v, v)).returns(PAIR);
        pairs.map(new MutateInPlace()).addSink(mutated);
        pairs.map(t -> t).returns(PAIR).addSink(untouched);
        env.execute("two chained consumers");

        assertSameMultiset(untouched.getResults(), pairs(0));
        List<Tuple2<Long, Long>> expectedMutated = new ArrayList<>();
        for (long v = 0; v < N; v++) {
            expectedMutated.add(Tuple2.of(v, -1L));
        }
        assertSameMultiset(mutated.getResults(), expectedMutated);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void aChainedConsumerThatMutatesItsInputDoesNotAffectANetworkConsumer(int parallelism)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple2<Long, Long>> mutated = new CollectingSink<>();
        CollectingSink<Tuple2<Long, Long>> overTheNetwork = new CollectingSink<>();
        DataStream<Tuple2<Long, Long>> pairs =
                env.fromSequence(0, N - 1).map(v -> Tuple2.of(v, v)).returns(PAIR);
        // Declared first, so it is the first consumer to receive each record.
        pairs.map(new MutateInPlace()).addSink(mutated);
        pairs.rebalance().addSink(overTheNetwork);
        env.execute("chained and network consumers");

        assertSameMultiset(overTheNetwork.getResults(), pairs(0));
    }

    /** Emits one output object, changed between emissions: safe when object reuse is disabled. */
    static final class ReusingOutput implements FlatMapFunction<Long, Tuple2<Long, Long>> {
        private final Tuple2<Long, Long> reuse = new Tuple2<>();

        @Override
        public void flatMap(Long value, Collector<Tuple2<Long, Long>> out) {
            reuse.f0 = value;
            reuse.f1 = value;
            out.collect(reuse);
            reuse.f1 = value + N;
            out.collect(reuse);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void aFunctionReusingItsOutputObjectDoesNotCorruptAChainedConsumer(int parallelism)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple2<Long, Long>> sink = new CollectingSink<>();
        env.fromSequence(0, N - 1).flatMap(new ReusingOutput()).returns(PAIR).addSink(sink);
        env.execute("reused output object");

        List<Tuple2<Long, Long>> expected = new ArrayList<>(pairs(0));
        expected.addAll(pairs(N));
        assertSameMultiset(sink.getResults(), expected);
    }
}
