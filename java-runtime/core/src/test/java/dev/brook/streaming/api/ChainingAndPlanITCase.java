package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.datastream.SingleOutputStreamOperator;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.co.CoMapFunction;
import dev.brook.test.util.CollectingSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The execution plan names the operators and edges of the program; chaining controls change how
 * operators are grouped into tasks, never the results.
 */
class ChainingAndPlanITCase {

    private static final Pattern NODE =
            Pattern.compile(
                    "\\{\"id\":(\\d+),\"type\":\"((?:[^\"\\\\]|\\\\.)*)\",\"pact\":\"([^\"]*)\"");
    private static final Pattern EDGE =
            Pattern.compile(
                    "\\{\"id\":(\\d+),\"ship_strategy\":\"([^\"]*)\",\"side\":\"([^\"]*)\"\\}");

    /** The word-count-like program the tests below run in several chaining variants. */
    private static void program(
            StreamExecutionEnvironment env,
            Variant variant,
            CollectingSink<Tuple2<String, Long>> sink) {
        SingleOutputStreamOperator<Long> filtered =
                env.fromSequence(0, 4_999)
                        .name("numbers")
                        .filter(n -> n % 3 != 0)
                        .name("not-div-3");
        SingleOutputStreamOperator<String> mapped =
                filtered.map(n -> "k" + (n % 17)).name("to-key");
        SingleOutputStreamOperator<Tuple2<String, Long>> counted =
                mapped.map(k -> Tuple2.of(k, 1L))
                        .name("pair")
                        .returns(Types.TUPLE(Types.STRING, Types.LONG));
        variant.configure.accept(new Ops(filtered, mapped, counted));
        if (variant == Variant.ENVIRONMENT_CHAINING_DISABLED) {
            env.disableOperatorChaining();
        }
        counted.keyBy(t -> t.f0).sum(1).name("count").addSink(sink).name("collect");
    }

    private record Ops(
            SingleOutputStreamOperator<Long> filter,
            SingleOutputStreamOperator<String> toKey,
            SingleOutputStreamOperator<Tuple2<String, Long>> pair) {}

    enum Variant {
        DEFAULT(o -> {}),
        DISABLE_CHAINING(o -> o.toKey().disableChaining()),
        START_NEW_CHAIN(o -> o.pair().startNewChain()),
        SLOT_SHARING_GROUP(o -> o.pair().slotSharingGroup("other")),
        ALL_COMBINED(
                o -> {
                    o.filter().startNewChain();
                    o.toKey().disableChaining();
                    o.pair().slotSharingGroup("other");
                }),
        ENVIRONMENT_CHAINING_DISABLED(o -> {});

        final Consumer<Ops> configure;

        Variant(Consumer<Ops> configure) {
            this.configure = configure;
        }
    }

    private static Map<String, Long> expectedCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (long n = 0; n < 5_000; n++) {
            if (n % 3 != 0) {
                counts.merge("k" + (n % 17), 1L, Long::sum);
            }
        }
        return counts;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void chainingControlsDoNotChangeResults(Variant variant) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectingSink<Tuple2<String, Long>> sink = new CollectingSink<>();
        program(env, variant, sink);
        env.execute("chaining " + variant);

        Map<String, Long> expected = expectedCounts();
        Map<String, Long> finals = new HashMap<>();
        Map<String, Long> updates = new HashMap<>();
        for (Tuple2<String, Long> t : sink.getResults()) {
            finals.merge(t.f0, t.f1, Math::max);
            updates.merge(t.f0, 1L, Long::sum);
        }
        assertThat(finals).isEqualTo(expected);
        assertThat(updates).isEqualTo(expected);
    }

    private static List<String> taskNames(Variant variant) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        program(env, variant, new CollectingSink<>());
        JobGraph graph = env.getJobGraph("plan");
        List<String> names = new ArrayList<>();
        for (JobVertex v : graph.vertices()) {
            names.add(v.name());
        }
        return names;
    }

    @Test
    void chainingControlsChangeHowOperatorsAreGroupedIntoTasks() {
        // The results test above would pass vacuously if the controls did nothing.
        assertThat(taskNames(Variant.DEFAULT))
                .containsExactly(
                        "Source: numbers -> not-div-3 -> to-key -> pair", "count -> collect");
        assertThat(taskNames(Variant.DISABLE_CHAINING))
                .containsExactly(
                        "Source: numbers -> not-div-3", "to-key", "pair", "count -> collect");
        assertThat(taskNames(Variant.START_NEW_CHAIN))
                .containsExactly(
                        "Source: numbers -> not-div-3 -> to-key", "pair", "count -> collect");
        assertThat(taskNames(Variant.SLOT_SHARING_GROUP))
                .containsExactly(
                        "Source: numbers -> not-div-3 -> to-key", "pair", "count -> collect");
        assertThat(taskNames(Variant.ENVIRONMENT_CHAINING_DISABLED))
                .containsExactly(
                        "Source: numbers", "not-div-3", "to-key", "pair", "count", "collect");
    }

    @Test
    void executionPlanNamesOperatorsAndEdges() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        CollectingSink<Tuple2<String, Long>> sink = new CollectingSink<>();
        DataStream<Long> a = env.fromSequence(0, 99).name("seq-a");
        DataStream<Long> b = env.fromSequence(100, 199).name("seq-b").setParallelism(2);
        a.union(b.rebalance())
                .map(n -> Tuple2.of("k" + (n % 5), n))
                .name("my \"quoted\" mapper")
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1))
                .name("sum-per-key")
                .broadcast()
                .addSink(sink)
                .name("collect");

        String plan = env.getExecutionPlan();

        assertThat(plan).startsWith("{\"nodes\":[").endsWith("]}");
        Map<String, String> pactByName = new HashMap<>();
        Map<String, String> idByName = new HashMap<>();
        Matcher node = NODE.matcher(plan);
        while (node.find()) {
            pactByName.put(node.group(2), node.group(3));
            idByName.put(node.group(2), node.group(1));
        }
        assertThat(pactByName)
                .containsOnly(
                        Map.entry("Source: seq-a", "Data Source"),
                        Map.entry("Source: seq-b", "Data Source"),
                        Map.entry("my \\\"quoted\\\" mapper", "Operator"),
                        Map.entry("sum-per-key", "Operator"),
                        Map.entry("collect", "Data Sink"));
        assertThat(plan).contains("\"parallelism\":2");
        List<String> edges = new ArrayList<>();
        Matcher edge = EDGE.matcher(plan);
        while (edge.find()) {
            edges.add(edge.group(2) + "/" + edge.group(3));
        }
        assertThat(edges)
                .containsExactlyInAnyOrder(
                        "FORWARD/first", "REBALANCE/first", "HASH/first", "BROADCAST/first");
        // The mapper's predecessors are both sources.
        String mapperNode =
                plan.substring(
                        plan.indexOf("{\"id\":" + idByName.get("my \\\"quoted\\\" mapper") + ","));
        assertThat(mapperNode.substring(0, mapperNode.indexOf("]}")))
                .contains("{\"id\":" + idByName.get("Source: seq-a") + ",")
                .contains("{\"id\":" + idByName.get("Source: seq-b") + ",");

        // Asking for the plan does not consume the program: it still runs, completely.
        env.execute("after plan");
        Map<String, Long> finals = new HashMap<>();
        for (Tuple2<String, Long> t : sink.getResults()) {
            finals.merge(t.f0, t.f1, Math::max);
        }
        Map<String, Long> expected = new HashMap<>();
        for (long n = 0; n < 200; n++) {
            expected.merge("k" + (n % 5), n, Long::sum);
        }
        assertThat(finals).isEqualTo(expected);
        // Broadcast to 4 sink subtasks: each of the 200 rolling updates arrives 4 times.
        assertThat(sink.getResults()).hasSize(200 * 4);
    }

    @Test
    void twoInputPlanMarksTheSecondSide() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, 9)
                .connect(env.fromElements("x"))
                .map(new NumberOrWord())
                .name("co-map")
                .addSink(new CollectingSink<>());
        String plan = env.getExecutionPlan();
        assertThat(plan).contains("\"type\":\"co-map\"").contains("\"side\":\"second\"");
    }

    /** A co-map for the plan test. */
    static final class NumberOrWord implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "n" + value;
        }

        @Override
        public String map2(String value) {
            return value;
        }
    }

    @Test
    void resultsWithBufferTimeoutZeroMatch() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setBufferTimeout(0);
        CollectingSink<Long> sink = new CollectingSink<>();
        env.fromSequence(0, 999).rebalance().map(n -> n + 1).addSink(sink);
        env.execute("buffer timeout 0");
        List<Long> expected = new ArrayList<>();
        for (long n = 1; n <= 1_000; n++) {
            expected.add(n);
        }
        assertSameMultiset(sink.getResults(), expected);
    }
}
