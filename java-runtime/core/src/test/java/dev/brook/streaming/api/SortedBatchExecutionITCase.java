package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.ExecutionOptions;
import dev.brook.configuration.MemorySize;
import dev.brook.streaming.api.datastream.BroadcastStream;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.brook.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BATCH execution of keyed operators: input sorted by key, each key processed completely (its
 * event-time timers fired) before the next, processing-time timers not fired, state of one key at a
 * time, and results equal to the final results of STREAMING.
 */
class SortedBatchExecutionITCase {

    private static StreamExecutionEnvironment batchEnv(int parallelism) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        return env;
    }

    /** Emits "key:value" per record and "key@time" per timer; counts records in keyed state. */
    static final class TraceKeys
            extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) {
            out.collect(value.f0 + ":" + value.f1 + ":wm=" + ctx.timerService().currentWatermark());
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 1000);
            ctx.timerService().registerProcessingTimeTimer(0);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp + ":" + ctx.timeDomain());
        }
    }

    @Test
    void eachKeyIsProcessedCompletelyWithItsTimersBeforeTheNext() throws Exception {
        StreamExecutionEnvironment env = batchEnv(1);
        List<Tuple2<String, Long>> input = new ArrayList<>();
        String[] keys = {"a", "b", "c", "Aa", "BB"}; // "Aa" and "BB" share a hash code
        for (long i = 0; i < 50; i++) {
            input.add(Tuple2.of(keys[(int) (i % keys.length)], i));
        }
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromData(input)
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                                .withTimestampAssigner((t, ts) -> t.f1))
                .keyBy(t -> t.f0)
                .process(new TraceKeys())
                .addSink(sink);
        env.execute();

        List<String> out = sink.getResults();
        // 50 records, and one event-time timer per distinct timestamp + 1000 (all distinct).
        assertThat(out).hasSize(100);
        assertThat(out).noneMatch(s -> s.contains("PROCESSING_TIME"));
        assertThat(out)
                .filteredOn(s -> s.contains(":wm="))
                .allMatch(s -> s.endsWith(":wm=" + Long.MIN_VALUE));
        // Group the output into contiguous runs by key: each key must form exactly one run, with
        // its records in arrival order followed by its timers in time order.
        List<String> runKeys = new ArrayList<>();
        Map<String, List<String>> runs = new HashMap<>();
        for (String line : out) {
            String key = line.split("[:@]")[0];
            if (runKeys.isEmpty() || !runKeys.get(runKeys.size() - 1).equals(key)) {
                runKeys.add(key);
            }
            runs.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
        assertThat(runKeys).containsExactlyInAnyOrder(keys);
        for (String key : keys) {
            List<String> expected = new ArrayList<>();
            List<String> timers = new ArrayList<>();
            for (Tuple2<String, Long> t : input) {
                if (t.f0.equals(key)) {
                    expected.add(key + ":" + t.f1 + ":wm=" + Long.MIN_VALUE);
                    timers.add(key + "@" + (t.f1 + 1000) + ":EVENT_TIME");
                }
            }
            expected.addAll(timers);
            assertThat(runs.get(key)).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void reduceEmitsOneFinalValuePerKeyEvenWhenSpilling(int parallelism) throws Exception {
        Configuration conf = new Configuration();
        // The smallest budget (2 MiB) against about 10 MB of records: several spilled runs.
        conf.set(ExecutionOptions.SORTED_INPUTS_MEMORY, MemorySize.parse("1m"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        long n = 300_000;
        CollectingSink<Tuple2<String, Long>> sink = new CollectingSink<>();
        env.fromSequence(0, n - 1)
                .map(
                        v -> Tuple2.of(v % 2 == 0 ? "Aa" : "BB" + (v % 1001), v),
                        Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .addSink(sink);
        env.execute();

        Map<String, Long> expected = new HashMap<>();
        for (long v = 0; v < n; v++) {
            expected.merge(v % 2 == 0 ? "Aa" : "BB" + (v % 1001), v, Long::sum);
        }
        Map<String, Long> actual = new HashMap<>();
        for (Tuple2<String, Long> t : sink.getResults()) {
            assertThat(actual.put(t.f0, t.f1)).as("one result for " + t.f0).isNull();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void builtInAggregationsCombineAheadOfTheSortAndStayExact() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.SORTED_INPUTS_MEMORY, MemorySize.parse("1m"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(1);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        // More keys than a combiner holds (65,536), so partial sums are flushed and merged.
        long n = 400_000;
        long keys = 100_003;
        CollectingSink<Tuple3<Long, Long, Long>> sums = new CollectingSink<>();
        CollectingSink<Tuple3<Long, Long, Long>> maxima = new CollectingSink<>();
        DataStream<Tuple3<Long, Long, Long>> events =
                env.fromSequence(0, n - 1)
                        .map(
                                v -> Tuple3.of(v % keys, (v / keys) % 3, v),
                                Types.TUPLE(Types.LONG, Types.LONG, Types.LONG));
        events.keyBy(t -> t.f0).sum(1).addSink(sums);
        events.keyBy(t -> t.f0).maxBy(1).addSink(maxima);
        env.execute();

        Map<Long, Long> expectedSums = new HashMap<>();
        Map<Long, Tuple3<Long, Long, Long>> expectedMaxima = new HashMap<>();
        for (long v = 0; v < n; v++) {
            Tuple3<Long, Long, Long> t = Tuple3.of(v % keys, (v / keys) % 3, v);
            expectedSums.merge(t.f0, t.f1, Long::sum);
            // maxBy keeps the first of equal maxima.
            expectedMaxima.merge(t.f0, t, (a, b) -> b.f1 > a.f1 ? b : a);
        }
        Map<Long, Long> actualSums = new HashMap<>();
        for (Tuple3<Long, Long, Long> t : sums.getResults()) {
            assertThat(actualSums.put(t.f0, t.f1)).as("one sum for key " + t.f0).isNull();
            // The other fields are those of the key's first record.
            assertThat(t.f2).isEqualTo(t.f0);
        }
        assertThat(actualSums).isEqualTo(expectedSums);
        Map<Long, Tuple3<Long, Long, Long>> actualMaxima = new HashMap<>();
        for (Tuple3<Long, Long, Long> t : maxima.getResults()) {
            assertThat(actualMaxima.put(t.f0, t)).isNull();
        }
        assertThat(actualMaxima).isEqualTo(expectedMaxima);
    }

    private static final MapStateDescriptor<String, Long> THRESHOLDS =
            new MapStateDescriptor<>("thresholds", Types.STRING, Types.LONG);

    /** Classifies each event against its key's threshold from the broadcast side. */
    static final class Classify
            extends KeyedBroadcastProcessFunction<
                    String, Tuple2<String, Long>, Tuple2<String, Long>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(
                Tuple2<String, Long> event, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            Long threshold = ctx.getBroadcastState(THRESHOLDS).get(event.f0);
            out.collect(
                    event.f0
                            + ":"
                            + (threshold == null ? "none" : event.f1 >= threshold ? "hi" : "lo"));
        }

        @Override
        public void processBroadcastElement(
                Tuple2<String, Long> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(THRESHOLDS).put(rule.f0, rule.f1);
        }
    }

    @Test
    void theBroadcastSideIsProcessedBeforeTheKeyedSide() throws Exception {
        StreamExecutionEnvironment env = batchEnv(2);
        BroadcastStream<Tuple2<String, Long>> rules =
                env.fromData(Tuple2.of("a", 500L), Tuple2.of("b", 100L))
                        .map(
                                rule -> {
                                    // Late rules: without broadcast-first, events would miss them.
                                    Thread.sleep(300);
                                    return rule;
                                },
                                Types.TUPLE(Types.STRING, Types.LONG))
                        .broadcast(THRESHOLDS);
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromSequence(0, 999)
                .map(
                        v -> Tuple2.of(v % 2 == 0 ? "a" : "b", v),
                        Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .connect(rules)
                .process(new Classify())
                .addSink(sink);
        env.execute();

        Map<String, Long> counts = new HashMap<>();
        for (String line : sink.getResults()) {
            counts.merge(line, 1L, Long::sum);
        }
        // a: even 0..998, hi from 500 on; b: odd 1..999, hi from 101 on.
        assertThat(counts).isEqualTo(Map.of("a:lo", 250L, "a:hi", 250L, "b:lo", 50L, "b:hi", 450L));
    }

    private static Set<String> windowSums(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setRuntimeMode(mode);
        CollectingSink<Tuple2<String, Long>> sink = new CollectingSink<>();
        env.fromSequence(0, 20_000)
                .map(v -> Tuple2.of("k" + (v % 13), v), Types.TUPLE(Types.STRING, Types.LONG))
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(
                                        Duration.ofMillis(50))
                                // Out of order within each block of 40.
                                .withTimestampAssigner(
                                        (t, ts) -> (t.f1 / 40) * 40 + 39 - t.f1 % 40))
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .addSink(sink);
        env.execute();
        Set<String> out = new HashSet<>();
        for (Tuple2<String, Long> t : sink.getResults()) {
            assertThat(out.add(t.f0 + "=" + t.f1)).isTrue();
        }
        return out;
    }

    @Test
    void windowsInBatchEqualStreaming() throws Exception {
        Set<String> streaming = windowSums(RuntimeExecutionMode.STREAMING, 2);
        Set<String> batch = windowSums(RuntimeExecutionMode.BATCH, 2);
        // 13 keys in each of the 20 full windows of 1 s; the last (20,000) is alone in its window.
        assertThat(streaming).hasSize(13 * 20 + 1);
        assertThat(batch).isEqualTo(streaming);
    }
}
