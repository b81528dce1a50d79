package dev.brook.streaming.api.windowing.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import dev.brook.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.brook.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.brook.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ContinuousProcessingTimeTrigger} in a window operator, driven by a manual clock. */
class ContinuousProcessingTimeTriggerTest {

    private static final String FIRE_TIME = "fire-time";

    @Test
    void firesAtIntervalBoundariesUpToTheWindowEnd() throws Exception {
        try (WindowHarness<TimeWindow> h =
                new WindowHarness<>(
                        TumblingProcessingTimeWindows.of(Duration.ofMillis(10)),
                        ContinuousProcessingTimeTrigger.of(Duration.ofMillis(5)),
                        Duration.ZERO)) {
            h.add("a", 1, 0);
            h.harness.setProcessingTime(2);
            h.add("a", 2, 0);
            h.harness.setProcessingTime(4);
            assertThat(h.drain()).isEmpty();
            h.harness.setProcessingTime(5);
            assertThat(h.drain()).containsExactly("a[0,10)=1,2");

            h.harness.setProcessingTime(7);
            h.add("a", 3, 0);
            // The next boundary, 10, is after the window: it fires at its end, 9, instead.
            h.harness.setProcessingTime(9);
            assertThat(h.drain()).containsExactly("a[0,10)=1,2,3");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(0, 10))).isEmpty();

            h.harness.setProcessingTime(11);
            h.add("a", 4, 0);
            h.harness.setProcessingTime(30);
            assertThat(h.drain()).containsExactly("a[10,20)=4", "a[10,20)=4");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(10, 20))).isEmpty();
        }
    }

    @Test
    void mergedSessionsKeepTheEarliestFireTime() throws Exception {
        try (WindowHarness<TimeWindow> h =
                new WindowHarness<>(
                        ProcessingTimeSessionWindows.withGap(Duration.ofMillis(10)),
                        ContinuousProcessingTimeTrigger.of(Duration.ofMillis(5)),
                        Duration.ZERO)) {
            h.add("a", 1, 0); // session [0,10), fire at 5
            h.harness.setProcessingTime(2);
            h.add("a", 2, 0); // merges into [0,12)
            h.harness.setProcessingTime(5);
            assertThat(h.drain()).containsExactly("a[0,12)=1,2");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(0, 10))).isEmpty();

            h.harness.setProcessingTime(9);
            assertThat(h.drain()).isEmpty();
            h.harness.setProcessingTime(10);
            assertThat(h.drain()).containsExactly("a[0,12)=1,2");
            // The session's end, 11, comes before the boundary 15.
            h.harness.setProcessingTime(15);
            assertThat(h.drain()).containsExactly("a[0,12)=1,2");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(0, 12))).isEmpty();

            h.harness.setProcessingTime(100);
            assertThat(h.drain()).isEmpty();
        }
    }

    @Test
    void anEventTimeWindowTheClockHasPassedFiresOncePerElement() throws Exception {
        try (WindowHarness<TimeWindow> h =
                new WindowHarness<>(
                        TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                        ContinuousProcessingTimeTrigger.of(Duration.ofMillis(5)),
                        Duration.ZERO)) {
            h.harness.setProcessingTime(1_000);
            h.add("a", 1, 3);
            h.harness.setProcessingTime(1_001);
            assertThat(h.drain()).containsExactly("a[0,10)=1");
            assertThat(h.keysWithState(FIRE_TIME, new TimeWindow(0, 10))).isEmpty();

            h.harness.setProcessingTime(2_000);
            assertThat(h.drain()).isEmpty();
            h.add("a", 2, 4);
            h.harness.setProcessingTime(2_001);
            assertThat(h.drain()).containsExactly("a[0,10)=1,2");
        }
    }
}
