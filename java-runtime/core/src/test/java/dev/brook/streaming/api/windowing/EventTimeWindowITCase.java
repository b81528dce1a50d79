package dev.brook.streaming.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.eventtime.Watermark;
import dev.brook.api.common.eventtime.WatermarkGenerator;
import dev.brook.api.common.eventtime.WatermarkOutput;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.datastream.SingleOutputStreamOperator;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.brook.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.brook.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.brook.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.brook.streaming.api.windowing.windows.TimeWindow;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event-time windows over out-of-order input, checked against expectations computed here
 * independently. Watermarks are punctuated (one per event) so that which events are late is
 * deterministic.
 */
class EventTimeWindowITCase {

    static final long BOUND = 20;
    static final OutputTag<Tuple2<String, Long>> LATE = new OutputTag<>("late") {};

    /** Events (key, timestamp) with disorder up to {@code disorder}. */
    static List<Tuple2<String, Long>> events(int n, long disorder, long seed) {
        Random random = new Random(seed);
        List<Tuple2<String, Long>> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long ts = i * 3L + (long) (random.nextDouble() * disorder) - disorder / 2;
            events.add(Tuple2.of("k" + random.nextInt(7), Math.max(0, ts)));
        }
        return events;
    }

    /** Emits watermark max(ts) - BOUND - 1 after every event. */
    static WatermarkStrategy<Tuple2<String, Long>> punctuated() {
        return WatermarkStrategy.<Tuple2<String, Long>>forGenerator(
                        ctx ->
                                new WatermarkGenerator<>() {
                                    long max = Long.MIN_VALUE + BOUND + 1;

                                    @Override
                                    public void onEvent(
                                            Tuple2<String, Long> e, long ts, WatermarkOutput out) {
                                        max = Math.max(max, ts);
                                        out.emitWatermark(new Watermark(max - BOUND - 1));
                                    }

                                    @Override
                                    public void onPeriodicEmit(WatermarkOutput out) {}
                                })
                .withTimestampAssigner((e, ts) -> e.f1);
    }

    /** The events that are on time: not late for their tumbling window given the watermarks. */
    static List<Tuple2<String, Long>> onTimeEvents(
            List<Tuple2<String, Long>> events, long size, long lateness) {
        List<Tuple2<String, Long>> onTime = new ArrayList<>(events);
        onTime.removeIf(lateEvents(events, size, lateness)::contains);
        return onTime;
    }

    /**
     * Which events are late for a tumbling window of {@code size} given the watermarks. Returned as
     * the identical objects of {@code events} (compare by identity: equal events may differ in
     * lateness).
     */
    static java.util.Set<Tuple2<String, Long>> lateEvents(
            List<Tuple2<String, Long>> events, long size, long lateness) {
        java.util.Set<Tuple2<String, Long>> late =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        long watermark = Long.MIN_VALUE;
        long max = Long.MIN_VALUE + BOUND + 1;
        for (Tuple2<String, Long> e : events) {
            long windowEnd = e.f1 - Math.floorMod(e.f1, size) + size;
            if (windowEnd - 1 + lateness <= watermark) {
                late.add(e);
            }
            max = Math.max(max, e.f1);
            watermark = Math.max(watermark, max - BOUND - 1);
        }
        return late;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void tumblingCountsMatchAndLateEventsGoToSideOutput(int parallelism) throws Exception {
        List<Tuple2<String, Long>> events = events(3000, 60, 42);
        long size = 50;
        List<Tuple2<String, Long>> late = new ArrayList<>(lateEvents(events, size, 0));
        assertThat(late).as("the data must contain late events to test them").isNotEmpty();

        Map<String, Long> expected = new TreeMap<>();
        for (Tuple2<String, Long> e : onTimeEvents(events, size, 0)) {
            expected.merge(e.f0 + "@" + (e.f1 - e.f1 % size), 1L, Long::sum);
        }

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        OutputTag<Tuple2<String, Long>> lateTag = LATE;
        CollectingSink<Tuple3<String, Long, Long>> results = new CollectingSink<>();
        CollectingSink<Tuple2<String, Long>> lateSink = new CollectingSink<>();
        SingleOutputStreamOperator<Tuple3<String, Long, Long>> counts =
                env.fromCollection(events, Types.TUPLE(Types.STRING, Types.LONG))
                        .assignTimestampsAndWatermarks(punctuated())
                        .setParallelism(1)
                        .keyBy(e -> e.f0)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(size)))
                        .sideOutputLateData(lateTag)
                        .aggregate(new Count(), new WithWindow());
        counts.addSink(results);
        counts.getSideOutput(lateTag).addSink(lateSink);
        env.execute();

        Map<String, Long> got = new TreeMap<>();
        for (Tuple3<String, Long, Long> r : results.getResults()) {
            assertThat(got.put(r.f0 + "@" + r.f1, r.f2))
                    .as("one result per key and window")
                    .isNull();
        }
        assertThat(differences(expected, got)).isEmpty();
        assertThat(lateSink.getResults()).containsExactlyInAnyOrderElementsOf(late);
    }

    @Test
    void allowedLatenessUpdatesWindowsInsteadOfDropping() throws Exception {
        List<Tuple2<String, Long>> events = events(2000, 60, 7);
        long size = 50;
        long lateness = 30;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectingSink<Tuple3<String, Long, Long>> results = new CollectingSink<>();
        env.fromCollection(events, Types.TUPLE(Types.STRING, Types.LONG))
                .assignTimestampsAndWatermarks(punctuated())
                .setParallelism(1)
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(size)))
                .allowedLateness(Duration.ofMillis(lateness))
                .aggregate(new Count(), new WithWindow())
                .addSink(results);
        env.execute();
        // The last result per window counts every event not too late, including late firings.
        Map<String, Long> last = new HashMap<>();
        for (Tuple3<String, Long, Long> r : results.getResults()) {
            last.merge(r.f0 + "@" + r.f1, r.f2, Math::max);
        }
        Map<String, Long> expected = new HashMap<>();
        for (Tuple2<String, Long> e : onTimeEvents(events, size, lateness)) {
            expected.merge(e.f0 + "@" + (e.f1 - e.f1 % size), 1L, Long::sum);
        }
        assertThat(differences(expected, last)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void slidingWindowsCountEachEventInEveryWindowItFalls(int parallelism) throws Exception {
        List<Tuple2<String, Long>> events = new ArrayList<>();
        for (long t = 0; t < 200; t += 7) {
            events.add(Tuple2.of("a", t));
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple3<String, Long, Long>> results = new CollectingSink<>();
        env.fromCollection(events, Types.TUPLE(Types.STRING, Types.LONG))
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                                .withTimestampAssigner((e, ts) -> e.f1))
                .keyBy(e -> e.f0)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10)))
                .aggregate(new Count(), new WithWindow())
                .addSink(results);
        env.execute();
        Map<Long, Long> expected = new TreeMap<>();
        for (Tuple2<String, Long> e : events) {
            for (long start = e.f1 - e.f1 % 10; start > e.f1 - 30; start -= 10) {
                expected.merge(start, 1L, Long::sum);
            }
        }
        Map<Long, Long> got = new TreeMap<>();
        for (Tuple3<String, Long, Long> r : results.getResults()) {
            got.put(r.f1, r.f2);
        }
        assertThat(got).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sessionWindowsMergeAcrossOutOfOrderEvents(int parallelism) throws Exception {
        // Sessions with gap 10: [0..15] (out of order), [40..42], [100].
        List<Tuple2<String, Long>> events =
                List.of(
                        Tuple2.of("u", 10L),
                        Tuple2.of("u", 0L),
                        Tuple2.of("u", 5L),
                        Tuple2.of("u", 15L),
                        Tuple2.of("u", 40L),
                        Tuple2.of("u", 42L),
                        Tuple2.of("u", 100L),
                        Tuple2.of("v", 3L),
                        Tuple2.of("v", 30L));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple3<String, Long, Long>> results = new CollectingSink<>();
        env.fromCollection(events, Types.TUPLE(Types.STRING, Types.LONG))
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(
                                        Duration.ofMillis(100))
                                .withTimestampAssigner((e, ts) -> e.f1))
                .keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .aggregate(new Count(), new WithWindow())
                .addSink(results);
        env.execute();
        assertThat(results.getResults())
                .containsExactlyInAnyOrder(
                        Tuple3.of("u", 0L, 4L),
                        Tuple3.of("u", 40L, 2L),
                        Tuple3.of("u", 100L, 1L),
                        Tuple3.of("v", 3L, 1L),
                        Tuple3.of("v", 30L, 1L));
    }

    @Test
    void countWindowsFireEveryNElementsPerKey() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectingSink<Tuple2<String, Long>> results = new CollectingSink<>();
        List<Tuple2<String, Long>> input = new ArrayList<>();
        for (long i = 1; i <= 10; i++) {
            input.add(Tuple2.of("a", i));
            input.add(Tuple2.of("b", i * 100));
        }
        DataStream<Tuple2<String, Long>> stream =
                env.fromCollection(input, Types.TUPLE(Types.STRING, Types.LONG));
        stream.keyBy(e -> e.f0).countWindow(3).sum(1).addSink(results);
        env.execute();
        assertThat(results.getResults())
                .containsExactlyInAnyOrder(
                        Tuple2.of("a", 6L),
                        Tuple2.of("a", 15L),
                        Tuple2.of("a", 24L),
                        Tuple2.of("b", 600L),
                        Tuple2.of("b", 1500L),
                        Tuple2.of("b", 2400L));
    }

    @Test
    void windowAllGathersEveryRecordIntoOneOperator() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectingSink<Long> results = new CollectingSink<>();
        env.fromSequence(1, 8).countWindowAll(4).apply(new SumAll()).addSink(results);
        env.execute();
        // Whatever the arrival order, each window of four sums to some part of 36.
        assertThat(results.getResults()).hasSize(2);
        assertThat(results.getResults().stream().mapToLong(Long::longValue).sum()).isEqualTo(36L);
    }

    static final class SumAll
            implements dev.brook.streaming.api.functions.windowing.AllWindowFunction<
                    Long, Long, dev.brook.streaming.api.windowing.windows.GlobalWindow> {
        @Override
        public void apply(
                dev.brook.streaming.api.windowing.windows.GlobalWindow window,
                Iterable<Long> values,
                Collector<Long> out) {
            long sum = 0;
            int n = 0;
            for (Long v : values) {
                sum += v;
                n++;
            }
            assertThat(n).isEqualTo(4);
            out.collect(sum);
        }
    }

    /** Entries that differ between the maps, readable even when the maps are large. */
    static Map<String, String> differences(Map<String, Long> expected, Map<String, Long> actual) {
        Map<String, String> differences = new TreeMap<>();
        for (String k : expected.keySet()) {
            if (!expected.get(k).equals(actual.get(k))) {
                differences.put(k, "expected " + expected.get(k) + ", got " + actual.get(k));
            }
        }
        for (String k : actual.keySet()) {
            if (!expected.containsKey(k)) {
                differences.put(k, "unexpected " + actual.get(k));
            }
        }
        return differences;
    }

    static final class Count implements AggregateFunction<Tuple2<String, Long>, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<String, Long> value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Emits (key, window start, count). */
    static final class WithWindow
            extends ProcessWindowFunction<Long, Tuple3<String, Long, Long>, String, TimeWindow> {
        @Override
        public void process(
                String key,
                Context ctx,
                Iterable<Long> counts,
                Collector<Tuple3<String, Long, Long>> out) {
            for (Long c : counts) {
                out.collect(Tuple3.of(key, ctx.window().getStart(), c));
            }
        }
    }
}
