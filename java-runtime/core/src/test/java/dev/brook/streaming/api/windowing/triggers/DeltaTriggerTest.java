package dev.brook.streaming.api.windowing.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.java.tuple.Tuple2;
import dev.brook.streaming.api.functions.windowing.delta.DeltaFunction;
import dev.brook.streaming.api.functions.windowing.delta.EuclideanDistance;
import dev.brook.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.brook.streaming.api.windowing.assigners.GlobalWindows;
import dev.brook.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.brook.streaming.api.windowing.windows.GlobalWindow;
import dev.brook.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link DeltaTrigger} in a window operator, and the delta functions. */
class DeltaTriggerTest {

    private static final String LAST_ELEMENT = "last-element";

    /** How far the value (a position) moved. */
    private static final DeltaFunction<Tuple2<String, Integer>> MOVED = (a, b) -> b.f1 - a.f1;

    private static DeltaTrigger<Tuple2<String, Integer>, GlobalWindow> everyMoreThan5() {
        return DeltaTrigger.of(5, MOVED, WindowHarness.TYPE.createSerializer());
    }

    @Test
    void firesWhenTheDeltaToTheLastFiringElementExceedsTheThreshold() throws Exception {
        try (WindowHarness<GlobalWindow> h =
                new WindowHarness<>(GlobalWindows.create(), everyMoreThan5(), Duration.ZERO)) {
            h.add("a", 0, 0);
            h.add("a", 3, 0);
            h.add("b", 100, 0);
            assertThat(h.drain()).isEmpty();
            h.add("a", 6, 0);
            assertThat(h.drain()).containsExactly("a[global]=0,3,6");

            // Measured from 6, the element that fired: 11 is exactly 5 away, not more.
            h.add("a", 8, 0);
            h.add("a", 11, 0);
            assertThat(h.drain()).isEmpty();
            h.add("b", 106, 0);
            h.add("a", 12, 0);
            assertThat(h.drain()).containsExactly("b[global]=100,106", "a[global]=0,3,6,8,11,12");
        }
    }

    @Test
    void eachWindowStartsFromItsOwnFirstElementAndClearDropsTheReference() throws Exception {
        try (WindowHarness<TimeWindow> h =
                new WindowHarness<>(
                        TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                        DeltaTrigger.of(5, MOVED, WindowHarness.TYPE.createSerializer()),
                        Duration.ZERO)) {
            h.add("a", 0, 1);
            h.add("a", 10, 2);
            assertThat(h.drain()).containsExactly("a[0,10)=0,10");

            h.harness.processWatermark(9);
            assertThat(h.drain()).as("a delta trigger does not fire on time").isEmpty();
            assertThat(h.keysWithState(LAST_ELEMENT, new TimeWindow(0, 10))).isEmpty();

            // Measured from this window's first element, 20, not from 10, which fired the last.
            h.add("a", 20, 11);
            h.add("a", 24, 12);
            assertThat(h.drain()).isEmpty();
            h.add("a", 26, 13);
            assertThat(h.drain()).containsExactly("a[10,20)=20,24,26");
        }
    }

    @Test
    void cannotBeUsedWithMergingWindows() {
        assertThatThrownBy(
                        () ->
                                new WindowHarness<>(
                                        EventTimeSessionWindows.withGap(Duration.ofMillis(10)),
                                        DeltaTrigger.of(
                                                5, MOVED, WindowHarness.TYPE.createSerializer()),
                                        Duration.ZERO))
                .hasMessageContaining("cannot be used with merging (session) windows");
    }

    @Test
    void euclideanDistanceOfArraysAndOfExtractedPoints() throws Exception {
        assertThat(
                        new EuclideanDistance<double[]>()
                                .getDelta(new double[] {1, 1}, new double[] {4, 5}))
                .isEqualTo(5.0);
        EuclideanDistance<Tuple2<Double, Double>> ofTuples =
                new EuclideanDistance<>(t -> new double[] {t.f0, t.f1});
        assertThat(ofTuples.getDelta(Tuple2.of(0.0, 0.0), Tuple2.of(-6.0, 8.0))).isEqualTo(10.0);
        assertThatThrownBy(
                        () ->
                                new EuclideanDistance<double[]>()
                                        .getDelta(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 and 2 coordinates");
    }
}
