package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.common.state.AggregatingState;
import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyed state of every kind, used from a KeyedProcessFunction and a RichMapFunction on a keyed
 * stream. Each record emits a description of the state of its key after the update; the test
 * computes the same descriptions by replaying the input with plain collections. The source has
 * parallelism 1, so each key's records arrive in input order and the sequences must match exactly:
 * a record lost or duplicated, or state leaking between keys, changes them.
 */
class KeyedStateITCase {

    /** Records (key, value); value 0 clears the key's state. */
    private static List<Tuple2<String, Integer>> input() {
        List<Tuple2<String, Integer>> in = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            in.add(Tuple2.of("k" + (i * 13 % 29), (i * 31 + 7) % 17));
        }
        return in;
    }

    /** Average of ints; accumulator (sum, count). */
    static final class Average implements AggregateFunction<Integer, Tuple2<Long, Long>, Double> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Integer value, Tuple2<Long, Long> acc) {
            return Tuple2.of(acc.f0 + value, acc.f1 + 1);
        }

        @Override
        public Double getResult(Tuple2<Long, Long> acc) {
            return (double) acc.f0 / acc.f1;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    static String describe(
            String key,
            Long count,
            Iterable<Integer> list,
            Map<Integer, Integer> histogram,
            Integer sum,
            Double average) {
        List<Integer> values = new ArrayList<>();
        list.forEach(values::add);
        return key
                + " count="
                + count
                + " list="
                + values
                + " histogram="
                + new TreeMap<>(histogram)
                + " sum="
                + sum
                + " avg="
                + average;
    }

    static final class AllStates
            extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
        private transient ValueState<Long> count;
        private transient ListState<Integer> list;
        private transient MapState<Integer, Integer> histogram;
        private transient ReducingState<Integer> sum;
        private transient AggregatingState<Integer, Double> average;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            list = getRuntimeContext().getListState(new ListStateDescriptor<>("list", Types.INT));
            histogram =
                    getRuntimeContext()
                            .getMapState(
                                    new MapStateDescriptor<>("histogram", Types.INT, Types.INT));
            sum =
                    getRuntimeContext()
                            .getReducingState(
                                    new ReducingStateDescriptor<>("sum", Integer::sum, Types.INT));
            average =
                    getRuntimeContext()
                            .getAggregatingState(
                                    new AggregatingStateDescriptor<>(
                                            "avg",
                                            new Average(),
                                            Types.TUPLE(Types.LONG, Types.LONG)));
        }

        @Override
        public void processElement(Tuple2<String, Integer> in, Context ctx, Collector<String> out)
                throws Exception {
            if (in.f1 == 0) {
                count.clear();
                list.clear();
                histogram.clear();
                sum.clear();
                average.clear();
            } else {
                count.update(count.value() == null ? 1 : count.value() + 1);
                list.add(in.f1);
                // Keep only the last five values: exercises update().
                List<Integer> values = new ArrayList<>();
                list.get().forEach(values::add);
                if (values.size() > 5) {
                    list.update(values.subList(values.size() - 5, values.size()));
                }
                Integer seen = histogram.get(in.f1);
                histogram.put(in.f1, seen == null ? 1 : seen + 1);
                if (in.f1 % 5 == 0) {
                    histogram.remove(in.f1);
                }
                sum.add(in.f1);
                average.add(in.f1);
            }
            Map<Integer, Integer> h = new HashMap<>();
            for (Map.Entry<Integer, Integer> e : histogram.entries()) {
                h.put(e.getKey(), e.getValue());
            }
            if (h.isEmpty() != histogram.isEmpty()) {
                throw new IllegalStateException("isEmpty() disagrees with entries()");
            }
            out.collect(
                    describe(
                            ctx.getCurrentKey(),
                            count.value(),
                            list.get(),
                            h,
                            sum.get(),
                            average.get()));
        }
    }

    /** The same updates with plain Java collections, per key. */
    private static Map<String, List<String>> expectedDescriptions(
            List<Tuple2<String, Integer>> input) {
        Map<String, Long> count = new HashMap<>();
        Map<String, List<Integer>> list = new HashMap<>();
        Map<String, Map<Integer, Integer>> histogram = new HashMap<>();
        Map<String, Integer> sum = new HashMap<>();
        Map<String, long[]> avg = new HashMap<>();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Tuple2<String, Integer> in : input) {
            String k = in.f0;
            if (in.f1 == 0) {
                count.remove(k);
                list.remove(k);
                histogram.remove(k);
                sum.remove(k);
                avg.remove(k);
            } else {
                count.merge(k, 1L, Long::sum);
                List<Integer> l = list.computeIfAbsent(k, x -> new ArrayList<>());
                l.add(in.f1);
                if (l.size() > 5) {
                    l.remove(0);
                }
                Map<Integer, Integer> h = histogram.computeIfAbsent(k, x -> new HashMap<>());
                h.merge(in.f1, 1, Integer::sum);
                if (in.f1 % 5 == 0) {
                    h.remove(in.f1);
                }
                sum.merge(k, in.f1, Integer::sum);
                long[] a = avg.computeIfAbsent(k, x -> new long[2]);
                a[0] += in.f1;
                a[1]++;
            }
            long[] a = avg.get(k);
            out.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(
                            describe(
                                    k,
                                    count.get(k),
                                    list.getOrDefault(k, List.of()),
                                    histogram.getOrDefault(k, Map.of()),
                                    sum.get(k),
                                    a == null ? null : (double) a[0] / a[1]));
        }
        return out;
    }

    private static Map<String, List<String>> byKey(List<String> results) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String r : results) {
            out.computeIfAbsent(r.substring(0, r.indexOf(' ')), x -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static void assertPerKey(List<String> results, Map<String, List<String>> expected) {
        Map<String, List<String>> actual = byKey(results);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String k : expected.keySet()) {
            assertThat(actual.get(k))
                    .as("state descriptions of key %s", k)
                    .isEqualTo(expected.get(k));
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void everyKindOfKeyedStateInAKeyedProcessFunction(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromCollection(input(), Types.TUPLE(Types.STRING, Types.INT))
                .keyBy(t -> t.f0)
                .process(new AllStates())
                .addSink(sink);
        env.execute("keyed state");

        assertPerKey(sink.getResults(), expectedDescriptions(input()));
    }

    /** Running count and distinct values per key, in a RichMapFunction on a keyed stream. */
    static final class CountDistinct extends RichMapFunction<Tuple2<String, Integer>, String> {
        private transient ValueState<Integer> count;
        private transient MapState<Integer, Boolean> distinct;

        @Override
        public void open(OpenContext openContext) {
            count =
                    getRuntimeContext()
                            .getState(new ValueStateDescriptor<>("count", Integer.class));
            distinct =
                    getRuntimeContext()
                            .getMapState(
                                    new MapStateDescriptor<>(
                                            "distinct", Integer.class, Boolean.class));
        }

        @Override
        public String map(Tuple2<String, Integer> in) throws Exception {
            int n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            distinct.put(in.f1, true);
            int d = 0;
            for (Integer ignored : distinct.keys()) {
                d++;
            }
            return in.f0 + " n=" + n + " distinct=" + d;
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedStateInARichMapFunction(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromCollection(input(), Types.TUPLE(Types.STRING, Types.INT))
                .keyBy(t -> t.f0)
                .map(new CountDistinct())
                .addSink(sink);
        env.execute("keyed state in a map");

        Map<String, Integer> count = new HashMap<>();
        Map<String, java.util.Set<Integer>> distinct = new HashMap<>();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Tuple2<String, Integer> in : input()) {
            int n = count.merge(in.f0, 1, Integer::sum);
            java.util.Set<Integer> d =
                    distinct.computeIfAbsent(in.f0, x -> new java.util.HashSet<>());
            d.add(in.f1);
            expected.computeIfAbsent(in.f0, x -> new ArrayList<>())
                    .add(in.f0 + " n=" + n + " distinct=" + d.size());
        }
        assertPerKey(sink.getResults(), expected);
    }
}
