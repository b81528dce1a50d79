package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.api.java.typeutils.PojoTypeInfo;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.datastream.KeyedStream;
import dev.brook.streaming.api.datastream.SingleOutputStreamOperator;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyed rolling aggregations and key routing. The source has parallelism 1, so the records of each
 * key reach their subtask in input order and the rolling results of each key are an exact,
 * predictable sequence: the expectation is computed here by replaying the input per key.
 */
class KeyedAggregationITCase {

    private static final int MAX_PARALLELISM = 128;
    private static final TypeInformation<Tuple3<String, Integer, String>> TUPLE3 =
            Types.TUPLE(Types.STRING, Types.INT, Types.STRING);

    /** Records (key, value, id): values repeat within a key, so ties occur. */
    private static List<Tuple3<String, Integer, String>> tuples() {
        List<Tuple3<String, Integer, String>> in = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            in.add(Tuple3.of("k" + (i % 23), (i * 7919) % 41 - 20, "id" + i));
        }
        return in;
    }

    /** A POJO for aggregations by field name. */
    public static final class Reading {
        public String sensor;
        public int value;
        public String id;

        public Reading() {}

        public Reading(String sensor, int value, String id) {
            this.sensor = sensor;
            this.value = value;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reading r
                    && r.value == value
                    && Objects.equals(r.sensor, sensor)
                    && Objects.equals(r.id, id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sensor, value, id);
        }

        @Override
        public String toString() {
            return "Reading(" + sensor + ", " + value + ", " + id + ")";
        }
    }

    private static List<Reading> readings() {
        List<Reading> in = new ArrayList<>();
        for (Tuple3<String, Integer, String> t : tuples()) {
            in.add(new Reading(t.f0, t.f1, t.f2));
        }
        return in;
    }

    /** The rolling reduction of each key's records in input order, per key. */
    private static <T> Map<String, List<T>> rolling(
            List<T> input, Function<T, String> key, java.util.function.BinaryOperator<T> reduce) {
        Map<String, T> acc = new HashMap<>();
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T t : input) {
            String k = key.apply(t);
            T next = acc.containsKey(k) ? reduce.apply(acc.get(k), t) : t;
            acc.put(k, next);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(next);
        }
        return out;
    }

    private static <T> Map<String, List<T>> byKey(List<T> results, Function<T, String> key) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T t : results) {
            out.computeIfAbsent(key.apply(t), x -> new ArrayList<>()).add(t);
        }
        return out;
    }

    private static <T> void assertRollingPerKey(
            List<T> results, Map<String, List<T>> expected, Function<T, String> key) {
        Map<String, List<T>> actual = byKey(results, key);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String k : expected.keySet()) {
            assertThat(actual.get(k)).as("rolling results of key %s", k).isEqualTo(expected.get(k));
        }
    }

    private static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setMaxParallelism(MAX_PARALLELISM);
        return env;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void reduceEmitsTheRunningReductionPerKey(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        CollectingSink<Tuple2<String, Long>> sink = new CollectingSink<>();
        List<Tuple2<String, Long>> input = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            input.add(Tuple2.of("k" + (i % 31), (long) i));
        }
        env.fromCollection(input, Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .addSink(sink);
        env.execute("reduce");

        assertRollingPerKey(
                sink.getResults(),
                rolling(input, t -> t.f0, (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)),
                t -> t.f0);
    }

    // ------------------------------------------------------------------ tuple positions

    private List<Tuple3<String, Integer, String>> runOnTuples(
            int parallelism,
            Function<
                            KeyedStream<Tuple3<String, Integer, String>, String>,
                            SingleOutputStreamOperator<Tuple3<String, Integer, String>>>
                    aggregation)
            throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        CollectingSink<Tuple3<String, Integer, String>> sink = new CollectingSink<>();
        aggregation.apply(env.fromCollection(tuples(), TUPLE3).keyBy(t -> t.f0)).addSink(sink);
        env.execute("tuple aggregation");
        return sink.getResults();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void sumOnTuplePosition(int parallelism) throws Exception {
        assertRollingPerKey(
                runOnTuples(parallelism, k -> k.sum(1)),
                rolling(tuples(), t -> t.f0, (a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, a.f2)),
                t -> t.f0);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void minAndMaxOnTuplePositionReplaceOnlyThatField(int parallelism) throws Exception {
        assertRollingPerKey(
                runOnTuples(parallelism, k -> k.min(1)),
                rolling(tuples(), t -> t.f0, (a, b) -> Tuple3.of(a.f0, Math.min(a.f1, b.f1), a.f2)),
                t -> t.f0);
        assertRollingPerKey(
                runOnTuples(parallelism, k -> k.max(1)),
                rolling(tuples(), t -> t.f0, (a, b) -> Tuple3.of(a.f0, Math.max(a.f1, b.f1), a.f2)),
                t -> t.f0);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void minByAndMaxByOnTuplePositionKeepTheWholeRecord(int parallelism) throws Exception {
        // On ties, minBy/maxBy keep the first record by default, the last one with first=false.
        assertRollingPerKey(
                runOnTuples(parallelism, k -> k.minBy(1)),
                rolling(tuples(), t -> t.f0, (a, b) -> b.f1 < a.f1 ? b : a),
                t -> t.f0);
        assertRollingPerKey(
                runOnTuples(parallelism, k -> k.maxBy(1)),
                rolling(tuples(), t -> t.f0, (a, b) -> b.f1 > a.f1 ? b : a),
                t -> t.f0);
        assertRollingPerKey(
                runOnTuples(parallelism, k -> k.minBy(1, false)),
                rolling(tuples(), t -> t.f0, (a, b) -> b.f1 <= a.f1 ? b : a),
                t -> t.f0);
        assertRollingPerKey(
                runOnTuples(parallelism, k -> k.maxBy(1, false)),
                rolling(tuples(), t -> t.f0, (a, b) -> b.f1 >= a.f1 ? b : a),
                t -> t.f0);
    }

    // ------------------------------------------------------------------ POJO fields

    private List<Reading> runOnPojos(
            int parallelism,
            Function<KeyedStream<Reading, String>, SingleOutputStreamOperator<Reading>> aggregation)
            throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        CollectingSink<Reading> sink = new CollectingSink<>();
        DataStream<Reading> input = env.fromCollection(readings());
        assertThat(input.getType()).isInstanceOf(PojoTypeInfo.class);
        aggregation.apply(input.keyBy(r -> r.sensor)).addSink(sink);
        env.execute("pojo aggregation");
        return sink.getResults();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void sumMinMaxOnPojoFieldName(int parallelism) throws Exception {
        assertRollingPerKey(
                runOnPojos(parallelism, k -> k.sum("value")),
                rolling(
                        readings(),
                        r -> r.sensor,
                        (a, b) -> new Reading(a.sensor, a.value + b.value, a.id)),
                r -> r.sensor);
        assertRollingPerKey(
                runOnPojos(parallelism, k -> k.min("value")),
                rolling(
                        readings(),
                        r -> r.sensor,
                        (a, b) -> new Reading(a.sensor, Math.min(a.value, b.value), a.id)),
                r -> r.sensor);
        assertRollingPerKey(
                runOnPojos(parallelism, k -> k.max("value")),
                rolling(
                        readings(),
                        r -> r.sensor,
                        (a, b) -> new Reading(a.sensor, Math.max(a.value, b.value), a.id)),
                r -> r.sensor);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void minByMaxByOnPojoFieldName(int parallelism) throws Exception {
        assertRollingPerKey(
                runOnPojos(parallelism, k -> k.minBy("value")),
                rolling(readings(), r -> r.sensor, (a, b) -> b.value < a.value ? b : a),
                r -> r.sensor);
        assertRollingPerKey(
                runOnPojos(parallelism, k -> k.maxBy("value")),
                rolling(readings(), r -> r.sensor, (a, b) -> b.value > a.value ? b : a),
                r -> r.sensor);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aggregationOnTupleFieldExpression(int parallelism) throws Exception {
        // Flink accepts "f1" as a field expression for tuples.
        assertRollingPerKey(
                runOnTuples(parallelism, k -> k.sum("f1")),
                rolling(tuples(), t -> t.f0, (a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, a.f2)),
                t -> t.f0);
    }

    // ------------------------------------------------------------------ routing

    /** Emits (key, subtask) from a map on a keyed stream. */
    static final class WhereAmI extends RichMapFunction<Long, Tuple2<Long, Integer>> {
        @Override
        public Tuple2<Long, Integer> map(Long value) {
            return Tuple2.of(value % 97, getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    /** Emits (key, subtask) and fails if the current key is not the record's key. */
    static final class CheckCurrentKey
            extends KeyedProcessFunction<Long, Long, Tuple2<Long, Integer>> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple2<Long, Integer>> out) {
            if (ctx.getCurrentKey() != value % 97) {
                throw new IllegalStateException(
                        "current key " + ctx.getCurrentKey() + " for record " + value);
            }
            out.collect(
                    Tuple2.of(ctx.getCurrentKey(), getRuntimeContext().getIndexOfThisSubtask()));
        }
    }

    private static void assertOneSubtaskPerKey(
            List<Tuple2<Long, Integer>> results, int parallelism, long records) {
        assertThat(results).hasSize((int) records);
        Map<Long, Set<Integer>> subtasks = new HashMap<>();
        for (Tuple2<Long, Integer> r : results) {
            subtasks.computeIfAbsent(r.f0, k -> new TreeSet<>()).add(r.f1);
        }
        assertThat(subtasks).hasSize(97);
        Set<Integer> used = new TreeSet<>();
        for (Map.Entry<Long, Set<Integer>> e : subtasks.entrySet()) {
            assertThat(e.getValue()).as("subtasks that saw key %s", e.getKey()).hasSize(1);
            int subtask = e.getValue().iterator().next();
            assertThat(subtask)
                    .as("subtask of key %s", e.getKey())
                    .isEqualTo(
                            KeyGroupRangeAssignment.assignKeyToParallelOperator(
                                    e.getKey(), MAX_PARALLELISM, parallelism));
            used.add(subtask);
        }
        // 97 keys spread over every subtask.
        assertThat(used).hasSize(parallelism);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void everyKeyIsProcessedByExactlyOneSubtask(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        CollectingSink<Tuple2<Long, Integer>> mapped = new CollectingSink<>();
        CollectingSink<Tuple2<Long, Integer>> processed = new CollectingSink<>();
        DataStream<Long> input = env.fromSequence(0, 9_999);
        input.keyBy(n -> n % 97).map(new WhereAmI()).addSink(mapped);
        input.keyBy(n -> n % 97).process(new CheckCurrentKey()).addSink(processed);
        env.execute("key routing");

        assertOneSubtaskPerKey(mapped.getResults(), parallelism, 10_000);
        assertOneSubtaskPerKey(processed.getResults(), parallelism, 10_000);
        List<Tuple2<Long, Integer>> expectedKeys = new ArrayList<>();
        for (long n = 0; n < 10_000; n++) {
            expectedKeys.add(
                    Tuple2.of(
                            n % 97,
                            KeyGroupRangeAssignment.assignKeyToParallelOperator(
                                    n % 97, MAX_PARALLELISM, parallelism)));
        }
        assertSameMultiset(mapped.getResults(), expectedKeys);
    }
}
