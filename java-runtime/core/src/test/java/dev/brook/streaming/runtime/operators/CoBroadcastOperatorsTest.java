package dev.brook.streaming.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReadOnlyBroadcastState;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.functions.co.BroadcastProcessFunction;
import dev.brook.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.util.BroadcastOperatorTestHarness;
import dev.brook.streaming.util.KeyedBroadcastOperatorTestHarness;
import dev.brook.streaming.util.ProcessFunctionTestHarnesses;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The broadcast operators, driven through the harness so that the order of broadcast and other
 * elements is chosen by the test.
 */
class CoBroadcastOperatorsTest {

    static final MapStateDescriptor<String, Integer> THRESHOLDS =
            new MapStateDescriptor<>("thresholds", Types.STRING, Types.INT);
    static final OutputTag<String> RULE_LOG = new OutputTag<>("rules") {};

    /**
     * Rules are {@code (name, threshold)}; a number matches every rule whose threshold it reaches.
     */
    static final class Matcher
            extends BroadcastProcessFunction<Integer, Tuple2<String, Integer>, String> {
        @Override
        public void processElement(Integer value, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            for (Map.Entry<String, Integer> rule :
                    ctx.getBroadcastState(THRESHOLDS).immutableEntries()) {
                if (value >= rule.getValue()) {
                    out.collect(value + ">=" + rule.getKey() + "@" + ctx.timestamp());
                }
            }
        }

        @Override
        public void processBroadcastElement(
                Tuple2<String, Integer> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(THRESHOLDS).put(rule.f0, rule.f1);
            ctx.output(RULE_LOG, rule.f0);
        }
    }

    @Test
    void nonBroadcastElementsSeeTheRulesBroadcastBeforeThem() throws Exception {
        try (BroadcastOperatorTestHarness<Integer, Tuple2<String, Integer>, String> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new Matcher(), THRESHOLDS)) {
            harness.processElement(50, 1);
            harness.processBroadcastElement(Tuple2.of("low", 10), 2);
            harness.processElement(50, 3);
            harness.processBroadcastElement(Tuple2.of("high", 40), 4);
            harness.processElement(20, 5);
            harness.processElement(45, 6);

            assertThat(harness.extractOutputValues())
                    .containsExactlyInAnyOrder("50>=low@3", "20>=low@5", "45>=low@6", "45>=high@6");
            assertThat(harness.getSideOutput(RULE_LOG))
                    .extracting(StreamRecord::getValue)
                    .containsExactly("low", "high");
            assertThat(harness.getSideOutput(RULE_LOG))
                    .extracting(StreamRecord::getTimestamp)
                    .containsExactly(2L, 4L);
            assertThat(harness.getBroadcastState(THRESHOLDS).get("high")).isEqualTo(40);
        }
    }

    /** Tries to change broadcast state from the non-broadcast side, in the way given. */
    static final class Violator extends BroadcastProcessFunction<String, String, String> {
        @Override
        public void processElement(String how, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            ReadOnlyBroadcastState<String, Integer> state = ctx.getBroadcastState(THRESHOLDS);
            BroadcastState<String, Integer> cast = (BroadcastState<String, Integer>) state;
            switch (how) {
                case "put" -> cast.put("x", 1);
                case "remove" -> cast.remove("x");
                case "clear" -> cast.clear();
                case "iterator" -> {
                    var it = cast.iterator();
                    it.next();
                    it.remove();
                }
                default -> out.collect(how + "=" + state.get(how));
            }
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out)
                throws Exception {
            ctx.getBroadcastState(THRESHOLDS).put(value, value.length());
        }
    }

    @Test
    void theNonBroadcastSideCannotChangeBroadcastState() throws Exception {
        try (BroadcastOperatorTestHarness<String, String, String> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new Violator(), THRESHOLDS)) {
            harness.processBroadcastElement("abc", 1);

            for (String method : List.of("put", "remove", "clear")) {
                assertThatThrownBy(() -> harness.processElement(method, 2))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining(
                                "Cannot " + method + "() on broadcast state 'thresholds'")
                        .hasMessageContaining(
                                "Change broadcast state in processBroadcastElement()");
            }
            assertThatThrownBy(() -> harness.processElement("iterator", 2))
                    .isInstanceOf(UnsupportedOperationException.class);

            harness.processElement("abc", 3);
            assertThat(harness.extractOutputValues()).containsExactly("abc=3");
            assertThat(harness.getBroadcastState(THRESHOLDS).entries()).hasSize(1);
        }
    }

    @Test
    void aBroadcastStateNotPassedToBroadcastCannotBeUsed() throws Exception {
        MapStateDescriptor<String, Integer> other =
                new MapStateDescriptor<>("other", Types.STRING, Types.INT);
        BroadcastProcessFunction<String, String, String> function =
                new BroadcastProcessFunction<>() {
                    @Override
                    public void processElement(
                            String value, ReadOnlyContext ctx, Collector<String> out)
                            throws Exception {
                        ctx.getBroadcastState(other).get(value);
                    }

                    @Override
                    public void processBroadcastElement(
                            String value, Context ctx, Collector<String> out) {
                        ctx.getBroadcastState(other);
                    }
                };
        try (BroadcastOperatorTestHarness<String, String, String> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(function, THRESHOLDS)) {
            assertThatThrownBy(() -> harness.processBroadcastElement("a", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("The broadcast state 'other' does not exist")
                    .hasMessageContaining("[thresholds]")
                    .hasMessageContaining("DataStream.broadcast(...)");
            assertThatThrownBy(() -> harness.processElement("a", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'other' does not exist");
        }
    }

    /** Both sides report the operator's processing time and watermark through their contexts. */
    static final class Clock extends BroadcastProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {
            out.collect(value + ":" + ctx.currentProcessingTime() + "/" + ctx.currentWatermark());
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + ":" + ctx.currentProcessingTime() + "/" + ctx.currentWatermark());
        }
    }

    @Test
    void bothContextsTellTheProcessingTimeAndTheWatermark() throws Exception {
        try (BroadcastOperatorTestHarness<String, String, String> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(new Clock())) {
            harness.setProcessingTime(42);
            harness.processBothWatermarks(7);
            harness.processElement("element", 8);
            harness.processBroadcastElement("broadcast", 8);

            assertThat(harness.extractOutputValues())
                    .containsExactly("element:42/7", "broadcast:42/7");
        }
    }

    static final ValueStateDescriptor<Integer> SUM = new ValueStateDescriptor<>("sum", Types.INT);
    static final ValueStateDescriptor<Integer> NEGATIVE =
            new ValueStateDescriptor<>("negative", Types.INT);

    /**
     * Keyed side: sums values per key, and remembers negative values. Broadcast side: "report"
     * lists every key's sum, "reset:k" clears the sum of key k, "double" doubles every sum,
     * "negatives" lists the keys that had a negative value.
     */
    static final class Summer
            extends KeyedBroadcastProcessFunction<String, Tuple2<String, Integer>, String, String> {
        private transient ValueState<Integer> sum;
        private transient ValueState<Integer> negative;

        @Override
        public void open(OpenContext openContext) {
            sum = getRuntimeContext().getState(SUM);
            negative = getRuntimeContext().getState(NEGATIVE);
        }

        @Override
        public void processElement(
                Tuple2<String, Integer> value, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            Integer s = sum.value();
            sum.update((s == null ? 0 : s) + value.f1);
            if (value.f1 < 0) {
                negative.update(value.f1);
            }
            out.collect(ctx.getCurrentKey() + "+" + value.f1);
        }

        @Override
        public void processBroadcastElement(String command, Context ctx, Collector<String> out)
                throws Exception {
            if (command.equals("report")) {
                ctx.applyToKeyedState(SUM, (key, state) -> out.collect(key + "=" + state.value()));
            } else if (command.equals("double")) {
                ctx.applyToKeyedState(SUM, (key, state) -> state.update(state.value() * 2));
            } else if (command.equals("negatives")) {
                ctx.applyToKeyedState(
                        NEGATIVE, (key, state) -> out.collect(key + " had " + state.value()));
            } else if (command.startsWith("reset:")) {
                String victim = command.substring(6);
                ctx.applyToKeyedState(
                        SUM,
                        (key, state) -> {
                            if (key.equals(victim)) {
                                state.clear();
                            }
                        });
            }
        }
    }

    @Test
    void applyToKeyedStateVisitsEveryKeyWithStateOnceAndCanChangeIt() throws Exception {
        try (KeyedBroadcastOperatorTestHarness<String, Tuple2<String, Integer>, String, String>
                harness =
                        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                                new Summer(), t -> t.f0, Types.STRING)) {
            harness.processBroadcastElement("report", 0);
            assertThat(harness.extractOutputValues()).isEmpty();

            List<String> keys = new ArrayList<>();
            for (int k = 0; k < 300; k++) {
                keys.add("k" + k);
                harness.processElement(Tuple2.of("k" + k, k), 1);
            }
            harness.processElement(Tuple2.of("k7", 1), 1);
            harness.processBroadcastElement("double", 2);
            harness.processBroadcastElement("reset:k3", 3);
            harness.processElement(Tuple2.of("k7", 100), 4);
            harness.processElement(Tuple2.of("k9", -18), 4);

            int before = harness.extractOutputValues().size();
            harness.processBroadcastElement("report", 5);
            List<String> report = harness.extractOutputValues().subList(before, before + 299);
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < 300; k++) {
                if (k != 3) {
                    expected.add("k" + k + "=" + (k == 7 ? 2 * 8 + 100 : k == 9 ? 0 : 2 * k));
                }
            }
            assertThat(report).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(harness.extractOutputValues()).hasSize(before + 299);

            harness.processBroadcastElement("negatives", 6);
            assertThat(harness.extractOutputValues()).last().isEqualTo("k9 had -18");
            assertThat(harness.extractOutputValues()).hasSize(before + 300);
        }
    }

    /**
     * Each element sets an event-time timer 10 later and a processing-time timer 10 (plus the
     * element's value) later; timers report the key, the domain and which rules the broadcast state
     * holds by then.
     */
    static final class Reminder
            extends KeyedBroadcastProcessFunction<
                    String, Tuple2<String, Integer>, Tuple2<String, Integer>, String> {
        @Override
        public void processElement(
                Tuple2<String, Integer> value, ReadOnlyContext ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
            ctx.timerService()
                    .registerProcessingTimeTimer(
                            ctx.timerService().currentProcessingTime() + 10 + value.f1);
        }

        @Override
        public void processBroadcastElement(
                Tuple2<String, Integer> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(THRESHOLDS).put(rule.f0, rule.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
                throws Exception {
            List<String> rules = new ArrayList<>();
            ctx.getBroadcastState(THRESHOLDS)
                    .immutableEntries()
                    .forEach(e -> rules.add(e.getKey()));
            rules.sort(null);
            String domain = ctx.timeDomain() == TimeDomain.EVENT_TIME ? "event" : "processing";
            out.collect(ctx.getCurrentKey() + "@" + domain + ":" + timestamp + rules);
            ctx.output(RULE_LOG, ctx.getCurrentKey() + "/" + ctx.timestamp());
        }
    }

    @Test
    void timersFireForTheirKeyAndSeeTheBroadcastStateOfTheirTime() throws Exception {
        try (KeyedBroadcastOperatorTestHarness<
                        String, Tuple2<String, Integer>, Tuple2<String, Integer>, String>
                harness =
                        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                                new Reminder(), t -> t.f0, Types.STRING, THRESHOLDS)) {
            harness.processElement(Tuple2.of("a", 0), 1);
            harness.processBroadcastElement(Tuple2.of("r1", 0), 2);
            harness.processElement(Tuple2.of("b", 1), 5);

            // Event time is the minimum of both inputs: the broadcast side holds it back.
            harness.processWatermark(100);
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.processBroadcastWatermark(11);
            assertThat(harness.extractOutputValues()).containsExactly("a@event:11[r1]");

            harness.processBroadcastElement(Tuple2.of("r2", 0), 6);
            harness.setProcessingTime(11);
            assertThat(harness.extractOutputValues())
                    .containsExactly(
                            "a@event:11[r1]", "a@processing:10[r1, r2]", "b@processing:11[r1, r2]");
            harness.processBroadcastWatermark(15);
            assertThat(harness.extractOutputValues()).last().isEqualTo("b@event:15[r1, r2]");

            assertThat(harness.getOutput())
                    .filteredOn(e -> e instanceof StreamRecord<?>)
                    .extracting(e -> ((StreamRecord<?>) e).hasTimestamp())
                    .containsExactly(true, false, false, true);
            assertThat(harness.getSideOutput(RULE_LOG))
                    .extracting(StreamRecord::getValue)
                    .containsExactly("a/11", "a/null", "b/null", "b/15");
        }
    }
}
