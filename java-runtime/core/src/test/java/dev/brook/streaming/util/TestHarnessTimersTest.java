package dev.brook.streaming.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.typeinfo.Types;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.api.functions.ProcessFunction;
import dev.brook.util.Collector;
import org.junit.jupiter.api.Test;

/** The harness's view of an operator's pending timers, in total and per key. */
class TestHarnessTimersTest {

    /**
     * Per record "key:delay": an event-time timer at timestamp + delay and a processing-time timer
     * at time delay; a negative delay deletes the timers registered with the positive one.
     */
    static final class TimerPerRecord extends KeyedProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            long delay = Long.parseLong(value.substring(value.indexOf(':') + 1));
            if (delay >= 0) {
                ctx.timerService().registerEventTimeTimer(ctx.timestamp() + delay);
                ctx.timerService().registerProcessingTimeTimer(delay);
            } else {
                ctx.timerService().deleteEventTimeTimer(ctx.timestamp() - delay);
                ctx.timerService().deleteProcessingTimeTimer(-delay);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp);
        }
    }

    @Test
    void countsPendingTimersInTotalAndPerKeyAsTheyAreRegisteredFiredAndDeleted() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, String, String> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new TimerPerRecord(), v -> v.substring(0, v.indexOf(':')), Types.STRING)) {
            harness.processElement("a:10", 0);
            harness.processElement("a:10", 0); // the same timers again: no new ones
            harness.processElement("a:20", 0);
            harness.processElement("b:30", 0);
            assertThat(harness.numEventTimeTimers()).isEqualTo(3);
            assertThat(harness.numProcessingTimeTimers()).isEqualTo(3);
            assertThat(harness.numEventTimeTimers("a")).isEqualTo(2);
            assertThat(harness.numProcessingTimeTimers("b")).isEqualTo(1);
            assertThat(harness.numEventTimeTimers("nobody")).isZero();

            harness.processWatermark(15);
            assertThat(harness.numEventTimeTimers()).isEqualTo(2);
            assertThat(harness.numEventTimeTimers("a")).isEqualTo(1);
            assertThat(harness.numProcessingTimeTimers())
                    .as("processing time did not move")
                    .isEqualTo(3);

            harness.setProcessingTime(25);
            assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
            assertThat(harness.numProcessingTimeTimers("a")).isZero();

            harness.processElement("b:-30", 0);
            assertThat(harness.numEventTimeTimers("b")).isZero();
            assertThat(harness.numEventTimeTimers()).isEqualTo(1);
            assertThat(harness.numProcessingTimeTimers()).isZero();
            assertThat(harness.extractOutputValues()).containsExactly("a@10", "a@10", "a@20");
        }
    }

    @Test
    void aNonKeyedOperatorHasNoTimers() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, String> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new ProcessFunction<String, String>() {
                            @Override
                            public void processElement(
                                    String value, Context ctx, Collector<String> out) {
                                out.collect(value);
                            }
                        })) {
            harness.processElement("x", 1);
            assertThat(harness.numEventTimeTimers()).isZero();
            assertThat(harness.numProcessingTimeTimers()).isZero();
        }
    }
}
