package dev.brook.streaming.api.windowing.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.brook.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.brook.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ContinuousEventTimeTrigger} in a window operator, driven by watermarks. */
class ContinuousEventTimeTriggerTest {

    private static final String FIRE_TIME = "fire-time";

    @Test
    void firesAtIntervalBoundariesAndAtTheWindowEnd() throws Exception {
        try (WindowHarness<TimeWindow> h =
                new WindowHarness<>(
                        TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                        ContinuousEventTimeTrigger.of(Duration.ofMillis(3)),
                        Duration.ZERO)) {
            h.add("a", 1, 1);
            h.harness.processWatermark(2);
            assertThat(h.drain()).isEmpty();

            // Aligned to multiples of 3: the first fire is at 3, not at 1 + 3.
            h.harness.processWatermark(3);
            assertThat(h.drain()).containsExactly("a[0,10)=1");

            h.add("a", 2, 4);
            h.add("b", 7, 12);
            h.harness.processWatermark(5);
            assertThat(h.drain()).isEmpty();
            h.harness.processWatermark(6);
            assertThat(h.drain()).containsExactly("a[0,10)=1,2");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(0, 10))).containsExactly("a");

            // The next boundary, 9, is also the window's last timestamp: one fire, then clean-up.
            h.harness.processWatermark(9);
            assertThat(h.drain()).containsExactly("a[0,10)=1,2");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(0, 10))).isEmpty();

            // b's window: boundaries 15 and 18, then the end 19, all passed by one watermark.
            h.harness.processWatermark(30);
            assertThat(h.drain()).containsExactly("b[10,20)=7", "b[10,20)=7", "b[10,20)=7");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(10, 20))).isEmpty();
        }
    }

    @Test
    void lateElementsFireAtOnceAndClearRemovesTheFireTime() throws Exception {
        try (WindowHarness<TimeWindow> h =
                new WindowHarness<>(
                        TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                        ContinuousEventTimeTrigger.of(Duration.ofMillis(4)),
                        Duration.ofMillis(5))) {
            h.add("a", 1, 1);
            h.harness.processWatermark(4);
            assertThat(h.drain()).containsExactly("a[0,10)=1");
            // The boundary 8, then the end.
            h.harness.processWatermark(9);
            assertThat(h.drain()).containsExactly("a[0,10)=1", "a[0,10)=1");
            // Kept for the allowed lateness, so the trigger's state is still there.
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(0, 10))).containsExactly("a");

            h.add("a", 2, 3);
            assertThat(h.drain()).containsExactly("a[0,10)=1,2");

            h.harness.processWatermark(14);
            assertThat(h.drain()).isEmpty();
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(0, 10))).isEmpty();
        }
    }

    @Test
    void mergedSessionsKeepTheEarliestFireTime() throws Exception {
        try (WindowHarness<TimeWindow> h =
                new WindowHarness<>(
                        EventTimeSessionWindows.withGap(Duration.ofMillis(10)),
                        ContinuousEventTimeTrigger.of(Duration.ofMillis(5)),
                        Duration.ZERO)) {
            h.add("a", 1, 1); // session [1,11), fire at 5
            h.add("a", 2, 8); // merges into [1,18); the fire at 5 moves along
            h.harness.processWatermark(5);
            assertThat(h.drain()).containsExactly("a[1,18)=1,2");

            h.add("a", 3, 12); // merges into [1,22); the next fire, at 10, moves along
            h.harness.processWatermark(10);
            assertThat(h.drain()).containsExactly("a[1,22)=1,2,3");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(1, 22))).containsExactly("a");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(1, 18))).isEmpty();
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(1, 11))).isEmpty();

            // Boundaries 15 and 20, then the session's end at 21.
            h.harness.processWatermark(40);
            assertThat(h.drain())
                    .containsExactly("a[1,22)=1,2,3", "a[1,22)=1,2,3", "a[1,22)=1,2,3");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(1, 22))).isEmpty();
        }
    }

    @Test
    void rejectsAnIntervalBelowOneMillisecond() {
        assertThatThrownBy(() -> ContinuousEventTimeTrigger.of(Duration.ofNanos(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 ms");
    }
}
