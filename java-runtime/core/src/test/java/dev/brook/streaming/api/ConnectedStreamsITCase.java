package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple4;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.datastream.SingleOutputStreamOperator;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.co.CoFlatMapFunction;
import dev.brook.streaming.api.functions.co.CoMapFunction;
import dev.brook.streaming.api.functions.co.CoProcessFunction;
import dev.brook.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two-input operations: each record of the first input must reach the first method, each record of
 * the second input the second, exactly once; keyed connected streams share one keyed state per key
 * across both inputs.
 */
class ConnectedStreamsITCase {

    private static List<Integer> ints(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    private static List<String> words(int n) {
        return IntStream.range(0, n).mapToObj(i -> "w" + i).collect(Collectors.toList());
    }

    static final class Tagging implements CoMapFunction<Integer, String, String> {
        @Override
        public String map1(Integer value) {
            return "int:" + value;
        }

        @Override
        public String map2(String value) {
            return "str:" + value;
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void coMapSendsEachInputToItsOwnMethod(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        DataStream<Integer> numbers = env.fromCollection(ints(1_000)).rebalance().map(i -> i);
        DataStream<String> strings = env.fromCollection(words(700));
        numbers.connect(strings).map(new Tagging()).addSink(sink);
        env.execute("co-map");

        List<String> expected = new ArrayList<>();
        ints(1_000).forEach(i -> expected.add("int:" + i));
        words(700).forEach(w -> expected.add("str:" + w));
        assertSameMultiset(sink.getResults(), expected);
    }

    /** Input 1: each number twice (n and -n); input 2: each character of the word. */
    static final class Exploding implements CoFlatMapFunction<Integer, String, String> {
        @Override
        public void flatMap1(Integer value, Collector<String> out) {
            out.collect("+" + value);
            out.collect("-" + value);
        }

        @Override
        public void flatMap2(String value, Collector<String> out) {
            for (int i = 0; i < value.length(); i++) {
                out.collect(value + "[" + i + "]=" + value.charAt(i));
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void coFlatMapEmitsAnyNumberOfRecordsPerInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromCollection(ints(500))
                .connect(env.fromCollection(words(300)).rebalance())
                .flatMap(new Exploding())
                .addSink(sink);
        env.execute("co-flatMap");

        List<String> expected = new ArrayList<>();
        for (int i : ints(500)) {
            expected.add("+" + i);
            expected.add("-" + i);
        }
        for (String w : words(300)) {
            for (int i = 0; i < w.length(); i++) {
                expected.add(w + "[" + i + "]=" + w.charAt(i));
            }
        }
        assertSameMultiset(sink.getResults(), expected);
    }

    /** Numbers to the main output, words to a side output. */
    static final class SplitByInput extends CoProcessFunction<Integer, String, Integer> {
        static final OutputTag<String> WORDS = new OutputTag<String>("words") {};

        @Override
        public void processElement1(Integer value, Context ctx, Collector<Integer> out) {
            out.collect(value * 2);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<Integer> out) {
            ctx.output(WORDS, value.toUpperCase());
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void coProcessEmitsToMainAndSideOutputs(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Integer> main = new CollectingSink<>();
        CollectingSink<String> side = new CollectingSink<>();
        SingleOutputStreamOperator<Integer> processed =
                env.fromCollection(ints(800))
                        .connect(env.fromCollection(words(400)))
                        .process(new SplitByInput());
        processed.addSink(main);
        processed.getSideOutput(SplitByInput.WORDS).addSink(side);
        env.execute("co-process");

        assertSameMultiset(main.getResults(), ints(800).stream().map(i -> i * 2).toList());
        assertSameMultiset(
                side.getResults(), words(400).stream().map(String::toUpperCase).toList());
    }

    /**
     * Orders (input 1) add to a key's balance, payments (input 2) subtract from it. One ValueState
     * counts the records of the key from both inputs, another holds the balance; each record emits
     * {@code (key, records seen so far, balance, subtask)}. If the inputs did not share the state,
     * the counts of a key would not be exactly 1..n.
     */
    static final class Ledger
            extends KeyedCoProcessFunction<
                    String,
                    Tuple2<String, Long>,
                    Tuple2<String, Long>,
                    Tuple4<String, Integer, Long, Integer>> {
        private transient ValueState<Integer> seen;
        private transient ValueState<Long> balance;

        @Override
        public void open(OpenContext openContext) {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.INT));
            balance =
                    getRuntimeContext().getState(new ValueStateDescriptor<>("balance", Types.LONG));
        }

        private void apply(
                Tuple2<String, Long> record,
                long delta,
                Context ctx,
                Collector<Tuple4<String, Integer, Long, Integer>> out)
                throws Exception {
            if (!ctx.getCurrentKey().equals(record.f0)) {
                throw new IllegalStateException(
                        "Current key " + ctx.getCurrentKey() + " but record " + record);
            }
            int n = seen.value() == null ? 1 : seen.value() + 1;
            long b = (balance.value() == null ? 0 : balance.value()) + delta;
            seen.update(n);
            balance.update(b);
            out.collect(Tuple4.of(record.f0, n, b, getRuntimeContext().getIndexOfThisSubtask()));
        }

        @Override
        public void processElement1(
                Tuple2<String, Long> order,
                Context ctx,
                Collector<Tuple4<String, Integer, Long, Integer>> out)
                throws Exception {
            apply(order, order.f1, ctx, out);
        }

        @Override
        public void processElement2(
                Tuple2<String, Long> payment,
                Context ctx,
                Collector<Tuple4<String, Integer, Long, Integer>> out)
                throws Exception {
            apply(payment, -payment.f1, ctx, out);
        }
    }

    private static List<Tuple2<String, Long>> orders() {
        List<Tuple2<String, Long>> orders = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            orders.add(Tuple2.of("k" + (i % 37), (long) (i % 13) + 1));
        }
        return orders;
    }

    private static List<Tuple2<String, Long>> payments() {
        List<Tuple2<String, Long>> payments = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            payments.add(Tuple2.of("k" + (i % 41), (long) (i % 5) * 100));
        }
        return payments;
    }

    private static void assertLedger(List<Tuple4<String, Integer, Long, Integer>> results) {
        Map<String, Integer> records = new HashMap<>();
        Map<String, Long> balances = new HashMap<>();
        for (Tuple2<String, Long> o : orders()) {
            records.merge(o.f0, 1, Integer::sum);
            balances.merge(o.f0, o.f1, Long::sum);
        }
        for (Tuple2<String, Long> p : payments()) {
            records.merge(p.f0, 1, Integer::sum);
            balances.merge(p.f0, -p.f1, Long::sum);
        }
        Map<String, List<Integer>> countsByKey = new HashMap<>();
        Map<String, Set<Integer>> subtasksByKey = new HashMap<>();
        Map<String, Long> finalBalance = new HashMap<>();
        for (Tuple4<String, Integer, Long, Integer> r : results) {
            countsByKey.computeIfAbsent(r.f0, k -> new ArrayList<>()).add(r.f1);
            subtasksByKey.computeIfAbsent(r.f0, k -> new TreeSet<>()).add(r.f3);
            if (r.f1.equals(records.get(r.f0))) {
                finalBalance.put(r.f0, r.f2);
            }
        }
        assertThat(countsByKey.keySet()).isEqualTo(records.keySet());
        for (Map.Entry<String, Integer> e : records.entrySet()) {
            assertSameMultiset(
                    countsByKey.get(e.getKey()),
                    IntStream.rangeClosed(1, e.getValue()).boxed().toList());
            assertThat(subtasksByKey.get(e.getKey()))
                    .as("subtasks of key %s", e.getKey())
                    .hasSize(1);
        }
        assertThat(finalBalance).isEqualTo(balances);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedCoProcessSharesKeyedStateAcrossBothInputs(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple4<String, Integer, Long, Integer>> sink = new CollectingSink<>();
        DataStream<Tuple2<String, Long>> orders =
                env.fromCollection(orders(), Types.TUPLE(Types.STRING, Types.LONG));
        DataStream<Tuple2<String, Long>> payments =
                env.fromCollection(payments(), Types.TUPLE(Types.STRING, Types.LONG));
        orders.connect(payments).keyBy(o -> o.f0, p -> p.f0).process(new Ledger()).addSink(sink);
        env.execute("keyed co-process");

        assertLedger(sink.getResults());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedCoProcessOnSeparatelyKeyedInputs(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple4<String, Integer, Long, Integer>> sink = new CollectingSink<>();
        DataStream<Tuple2<String, Long>> orders =
                env.fromCollection(orders(), Types.TUPLE(Types.STRING, Types.LONG)).rebalance();
        DataStream<Tuple2<String, Long>> payments =
                env.fromCollection(payments(), Types.TUPLE(Types.STRING, Types.LONG));
        orders.keyBy(o -> o.f0)
                .connect(payments.keyBy(p -> p.f0))
                .process(new Ledger())
                .addSink(sink);
        env.execute("keyed co-process, keyed inputs");

        assertLedger(sink.getResults());
    }
}
