package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.runtime.state.FunctionInitializationContext;
import dev.brook.runtime.state.FunctionSnapshotContext;
import dev.brook.streaming.api.checkpoint.CheckpointedFunction;
import dev.brook.streaming.api.datastream.BroadcastStream;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.datastream.KeyedStream;
import dev.brook.streaming.api.datastream.SingleOutputStreamOperator;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.co.BroadcastProcessFunction;
import dev.brook.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broadcast state pattern on the MiniCluster: a broadcast stream of rules and a (keyed or
 * non-keyed) stream of events. The order in which an instance sees rules and events is not defined,
 * so the functions are written to give the same result in every order: each (event, rule) pair is
 * evaluated exactly once, by whichever of the two arrives second.
 */
class BroadcastStateITCase {

    /** Rules: {@code (name, threshold)}; an event matches a rule when its value reaches it. */
    static final MapStateDescriptor<String, Integer> RULES =
            new MapStateDescriptor<>("rules", Types.STRING, Types.INT);

    static final TypeInformation<Tuple3<String, Integer, Integer>> EVENT =
            Types.TUPLE(Types.STRING, Types.INT, Types.INT);
    static final TypeInformation<Tuple2<String, Integer>> RULE =
            Types.TUPLE(Types.STRING, Types.INT);

    static final ListStateDescriptor<Tuple3<String, Integer, Integer>> EVENTS =
            new ListStateDescriptor<>("events", EVENT);

    /** Events {@code (key, id, value)}. */
    private static List<Tuple3<String, Integer, Integer>> events() {
        List<Tuple3<String, Integer, Integer>> events = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            events.add(Tuple3.of("s" + (i % 53), i, (i * 37) % 100));
        }
        return events;
    }

    private static List<Tuple2<String, Integer>> rules() {
        List<Tuple2<String, Integer>> rules = new ArrayList<>();
        for (int j = 0; j < 20; j++) {
            rules.add(Tuple2.of("r" + j, j * 5 + 3));
        }
        return rules;
    }

    private static String match(Tuple3<String, Integer, Integer> event, String rule) {
        return event.f0 + "/" + event.f1 + "/" + rule;
    }

    /** Every (event, rule) pair where the event's value reaches the rule's threshold. */
    private static List<String> expectedMatches() {
        List<String> expected = new ArrayList<>();
        for (Tuple3<String, Integer, Integer> e : events()) {
            for (Tuple2<String, Integer> r : rules()) {
                if (e.f2 >= r.f1) {
                    expected.add(match(e, r.f0));
                }
            }
        }
        return expected;
    }

    /**
     * Keeps each key's events in keyed state. An event is checked against the rules known when it
     * arrives; a rule is checked, through applyToKeyedState, against the events already kept. Every
     * instance reports each rule it receives to a side output.
     */
    static final class RuleMatcher
            extends KeyedBroadcastProcessFunction<
                    String, Tuple3<String, Integer, Integer>, Tuple2<String, Integer>, String> {
        static final OutputTag<String> RULES_SEEN = new OutputTag<>("rules-seen") {};
        private transient ListState<Tuple3<String, Integer, Integer>> kept;

        @Override
        public void open(OpenContext openContext) {
            kept = getRuntimeContext().getListState(EVENTS);
        }

        @Override
        public void processElement(
                Tuple3<String, Integer, Integer> event, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            for (Map.Entry<String, Integer> rule :
                    ctx.getBroadcastState(RULES).immutableEntries()) {
                if (event.f2 >= rule.getValue()) {
                    out.collect(match(event, rule.getKey()));
                }
            }
            kept.add(event);
        }

        @Override
        public void processBroadcastElement(
                Tuple2<String, Integer> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule.f0, rule.f1);
            ctx.applyToKeyedState(
                    EVENTS,
                    (key, state) -> {
                        for (Tuple3<String, Integer, Integer> event : state.get()) {
                            if (!event.f0.equals(key)) {
                                throw new IllegalStateException(
                                        "Key " + key + " holds an event of " + event.f0);
                            }
                            if (event.f2 >= rule.f1) {
                                out.collect(match(event, rule.f0));
                            }
                        }
                    });
            ctx.output(RULES_SEEN, getRuntimeContext().getIndexOfThisSubtask() + ":" + rule.f0);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void everyInstanceSeesEveryRuleAndEveryEventMeetsEveryRule(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> matches = new CollectingSink<>();
        CollectingSink<String> rulesSeen = new CollectingSink<>();
        KeyedStream<Tuple3<String, Integer, Integer>, String> events =
                env.fromCollection(events(), EVENT).keyBy(e -> e.f0, Types.STRING);
        BroadcastStream<Tuple2<String, Integer>> rules =
                env.fromCollection(rules(), RULE).broadcast(RULES);
        SingleOutputStreamOperator<String> matched =
                events.connect(rules).process(new RuleMatcher());
        matched.addSink(matches);
        matched.getSideOutput(RuleMatcher.RULES_SEEN).addSink(rulesSeen);
        env.execute("broadcast rules");

        List<String> expectedSeen = new ArrayList<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            for (Tuple2<String, Integer> r : rules()) {
                expectedSeen.add(subtask + ":" + r.f0);
            }
        }
        assertSameMultiset(rulesSeen.getResults(), expectedSeen);
        assertSameMultiset(matches.getResults(), expectedMatches());
    }

    /**
     * Counts each key's events and keeps its largest value; an event-time timer per key fires at
     * the end of input (no watermark comes earlier), when both inputs are complete, and reports
     * which rules the largest value reaches.
     */
    static final class EndOfInputReport
            extends KeyedBroadcastProcessFunction<
                    String, Tuple3<String, Integer, Integer>, Tuple2<String, Integer>, String> {
        private transient ValueState<Integer> count;
        private transient ValueState<Integer> max;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
            max = getRuntimeContext().getState(new ValueStateDescriptor<>("max", Types.INT));
        }

        @Override
        public void processElement(
                Tuple3<String, Integer, Integer> event, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            count.update(count.value() == null ? 1 : count.value() + 1);
            max.update(max.value() == null ? event.f2 : Math.max(max.value(), event.f2));
            ctx.timerService().registerEventTimeTimer(1_000);
        }

        @Override
        public void processBroadcastElement(
                Tuple2<String, Integer> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule.f0, rule.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
                throws Exception {
            int reached = 0;
            for (Map.Entry<String, Integer> rule :
                    ctx.getBroadcastState(RULES).immutableEntries()) {
                if (max.value() >= rule.getValue()) {
                    reached++;
                }
            }
            out.collect(
                    ctx.getCurrentKey()
                            + " count="
                            + count.value()
                            + " max="
                            + max.value()
                            + " rules="
                            + reached
                            + " "
                            + ctx.timeDomain()
                            + "@"
                            + ctx.timestamp());
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void timersOfTheKeyedSideSeeTheBroadcastState(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> reports = new CollectingSink<>();
        env.fromCollection(events(), EVENT)
                .keyBy(e -> e.f0, Types.STRING)
                .connect(env.fromCollection(rules(), RULE).broadcast(RULES))
                .process(new EndOfInputReport())
                .addSink(reports);
        env.execute("broadcast timers");

        Map<String, int[]> countAndMax = new HashMap<>();
        for (Tuple3<String, Integer, Integer> e : events()) {
            int[] cm = countAndMax.computeIfAbsent(e.f0, k -> new int[] {0, Integer.MIN_VALUE});
            cm[0]++;
            cm[1] = Math.max(cm[1], e.f2);
        }
        List<String> expected = new ArrayList<>();
        countAndMax.forEach(
                (key, cm) -> {
                    long reached = rules().stream().filter(r -> cm[1] >= r.f1).count();
                    expected.add(
                            key
                                    + " count="
                                    + cm[0]
                                    + " max="
                                    + cm[1]
                                    + " rules="
                                    + reached
                                    + " EVENT_TIME@1000");
                });
        assertSameMultiset(reports.getResults(), expected);
    }

    /**
     * The non-keyed variant: numbers are rebalanced over the instances, each keeping its numbers in
     * operator list state; a number matches a divisor rule {@code (name, d)} if d divides it.
     */
    static final class DivisorMatcher
            extends BroadcastProcessFunction<Long, Tuple2<String, Integer>, String>
            implements CheckpointedFunction {
        private transient ListState<Long> numbers;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            numbers =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("numbers", Types.LONG));
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}

        @Override
        public void processElement(Long n, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            for (Map.Entry<String, Integer> rule :
                    ctx.getBroadcastState(RULES).immutableEntries()) {
                if (n % rule.getValue() == 0) {
                    out.collect(n + "%" + rule.getKey());
                }
            }
            numbers.add(n);
        }

        @Override
        public void processBroadcastElement(
                Tuple2<String, Integer> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule.f0, rule.f1);
            for (long n : numbers.get()) {
                if (n % rule.f1 == 0) {
                    out.collect(n + "%" + rule.f0);
                }
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void nonKeyedStreamsUseBroadcastStateWithTheirOwnPartitioning(int parallelism)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<String> matches = new CollectingSink<>();
        env.fromSequence(1, 2_000)
                .rebalance()
                .connect(env.fromCollection(rules(), RULE).broadcast(RULES))
                .process(new DivisorMatcher())
                .addSink(matches);
        env.execute("broadcast non-keyed");

        List<String> expected = new ArrayList<>();
        for (long n = 1; n <= 2_000; n++) {
            for (Tuple2<String, Integer> r : rules()) {
                if (n % r.f1 == 0) {
                    expected.add(n + "%" + r.f0);
                }
            }
        }
        assertSameMultiset(matches.getResults(), expected);
    }

    /** Writes to broadcast state from the keyed side, which must fail. */
    static final class ForbiddenWrite
            extends KeyedBroadcastProcessFunction<
                    String, Tuple3<String, Integer, Integer>, Tuple2<String, Integer>, String> {
        @Override
        public void processElement(
                Tuple3<String, Integer, Integer> event, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            ((BroadcastState<String, Integer>) ctx.getBroadcastState(RULES)).put(event.f0, 0);
        }

        @Override
        public void processBroadcastElement(
                Tuple2<String, Integer> rule, Context ctx, Collector<String> out) {}
    }

    @Test
    void writingBroadcastStateFromTheKeyedSideFailsTheJob() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromCollection(events(), EVENT)
                .keyBy(e -> e.f0, Types.STRING)
                .connect(env.fromCollection(rules(), RULE).broadcast(RULES))
                .process(new ForbiddenWrite())
                .addSink(new CollectingSink<>());

        assertThatThrownBy(env::execute)
                .hasStackTraceContaining("Cannot put() on broadcast state 'rules'")
                .hasStackTraceContaining("processBroadcastElement()");
    }

    @Test
    void theFunctionMustMatchWhetherTheStreamIsKeyed() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        BroadcastStream<Tuple2<String, Integer>> rules =
                env.fromCollection(rules(), RULE).broadcast(RULES);
        DataStream<Tuple3<String, Integer, Integer>> events = env.fromCollection(events(), EVENT);

        assertThatThrownBy(() -> events.connect(rules).process(new ForbiddenWrite()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KeyedBroadcastProcessFunction can only be used on a keyed")
                .hasMessageContaining("keyBy()");
        assertThatThrownBy(
                        () ->
                                events.keyBy(e -> e.f0, Types.STRING)
                                        .connect(rules)
                                        .process(new StringsOnly()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BroadcastProcessFunction can only be used on a non-keyed");
    }

    /** A broadcast function with no behaviour, for the plan and API tests. */
    static final class StringsOnly
            extends BroadcastProcessFunction<
                    Tuple3<String, Integer, Integer>, Tuple2<String, Integer>, String> {
        @Override
        public void processElement(
                Tuple3<String, Integer, Integer> value,
                ReadOnlyContext ctx,
                Collector<String> out) {}

        @Override
        public void processBroadcastElement(
                Tuple2<String, Integer> value, Context ctx, Collector<String> out) {}
    }

    @Test
    void theBroadcastSideIsABroadcastEdgeAndTheOtherKeepsItsPartitioning() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        SingleOutputStreamOperator<String> keyed =
                env.fromCollection(events(), EVENT)
                        .keyBy(e -> e.f0, Types.STRING)
                        .connect(env.fromCollection(rules(), RULE).broadcast(RULES))
                        .process(new EndOfInputReport());
        keyed.addSink(new CollectingSink<>());
        env.fromCollection(events(), EVENT)
                .rebalance()
                .connect(env.fromCollection(rules(), RULE).broadcast(RULES))
                .process(new StringsOnly())
                .addSink(new CollectingSink<>());

        assertThat(keyed.getType()).isEqualTo(Types.STRING);
        String plan = env.getExecutionPlan();
        assertThat(plan)
                .contains("\"ship_strategy\":\"HASH\",\"side\":\"first\"")
                .contains("\"ship_strategy\":\"REBALANCE\",\"side\":\"first\"")
                .contains("\"ship_strategy\":\"BROADCAST\",\"side\":\"second\"")
                .contains("Co-Process-Broadcast-Keyed")
                .contains("\"Co-Process-Broadcast\"");
    }
}
