package dev.brook.streaming.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.api.functions.ProcessFunction;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;
import org.junit.jupiter.api.Test;

/** The harnesses users test their functions with: state, both kinds of timers, side outputs. */
class ProcessFunctionTestHarnessesTest {

    static final OutputTag<String> ODD = new OutputTag<>("odd") {};

    /** Counts per key; reports the count 10 ms (event time) and 100 ms (processing time) later. */
    static final class CountThenReport extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext ctx) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out)
                throws Exception {
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
            ctx.timerService()
                    .registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 100);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
                throws Exception {
            String kind = ctx.timeDomain() == TimeDomain.EVENT_TIME ? "event" : "processing";
            out.collect(ctx.getCurrentKey() + "=" + count.value() + "@" + kind + ":" + timestamp);
        }
    }

    @Test
    void keyedFunctionTimersFireOncePerKeyAndTimeWithKeyedState() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, String, String> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new CountThenReport(), v -> v, Types.STRING)) {
            harness.processElement("a", 1);
            harness.processElement("a", 1);
            harness.processElement("b", 5);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processWatermark(11);
            assertThat(harness.extractOutputValues()).containsExactly("a=2@event:11");

            harness.setProcessingTime(100);
            assertThat(harness.extractOutputValues())
                    .containsExactly("a=2@event:11", "a=2@processing:100", "b=1@processing:100");

            harness.processWatermark(20);
            assertThat(harness.extractOutputValues()).last().isEqualTo("b=1@event:15");
        }
    }

    @Test
    void processFunctionSideOutputsKeepTimestamps() throws Exception {
        try (OneInputStreamOperatorTestHarness<Integer, Integer> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new ProcessFunction<Integer, Integer>() {
                            @Override
                            public void processElement(
                                    Integer v, Context ctx, Collector<Integer> out) {
                                if (v % 2 == 0) {
                                    out.collect(v);
                                } else {
                                    ctx.output(ODD, "odd " + v);
                                }
                            }
                        })) {
            for (int i = 1; i <= 4; i++) {
                harness.processElement(i, i * 10L);
            }
            assertThat(harness.extractOutputValues()).containsExactly(2, 4);
            assertThat(harness.getSideOutput(ODD))
                    .extracting(r -> r.getValue() + "@" + r.getTimestamp())
                    .containsExactly("odd 1@10", "odd 3@30");
        }
    }
}
