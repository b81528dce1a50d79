package dev.brook.streaming.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.JobStatus;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.PipelineOptions;
import dev.brook.core.execution.JobClient;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.brook.test.util.CollectingSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event-time windows of unbounded jobs in which some parallel instances never see a record ({@link
 * PacedSource}: only subtask 0 has data). Without idleness their missing watermarks hold event time
 * back, so no window fires while the job runs; with {@code withIdleness} they are marked idle and
 * windows fire. Idleness is tested at the source and at {@code assignTimestampsAndWatermarks}; the
 * source job also passes the idle status through a chained operator and, over the network, through
 * a task whose only input is idle.
 *
 * <p>A window that fires holds the 10 records {@code 10 i .. 10 i + 9} of its 100 ms, 5 per key.
 * That nothing fires is checked after the source has produced many complete windows' worth of
 * records and the idle timeout has passed several times; that is a wait by nature.
 */
class WatermarkIdlenessITCase {

    static final Duration IDLE_TIMEOUT = Duration.ofMillis(100);
    static final long INTERVAL_MILLIS = 20;
    static final long WINDOW = 100;
    static final Duration RESULTS_DEADLINE = Duration.ofSeconds(5);

    /** Records the source emits before the check that no window fired (20 windows' worth). */
    static final long RECORDS_BEFORE_CHECK = 200;

    static final TypeInformation<Tuple2<String, Long>> EVENT =
            Types.TUPLE(Types.STRING, Types.LONG);

    static WatermarkStrategy<Tuple2<String, Long>> strategy(boolean idleness) {
        WatermarkStrategy<Tuple2<String, Long>> strategy =
                WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(
                                Duration.ofMillis(20))
                        .withTimestampAssigner((e, ts) -> e.f1);
        return idleness ? strategy.withIdleness(IDLE_TIMEOUT) : strategy;
    }

    static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.getConfig().setAutoWatermarkInterval(INTERVAL_MILLIS);
        return env;
    }

    /** Counts per key in tumbling windows of 100 ms: {@code (key, window start, count)}. */
    static void countWindows(
            DataStream<Tuple2<String, Long>> events,
            CollectingSink<Tuple3<String, Long, Long>> sink) {
        events.keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                .aggregate(
                        new EventTimeWindowITCase.Count(), new EventTimeWindowITCase.WithWindow())
                .addSink(sink);
    }

    /** Source (subtask 1 silent) -> chained map -> one-to-one exchange -> map -> windows. */
    static JobClient startSourceIdlenessJob(
            boolean idleness, PacedSource source, CollectingSink<Tuple3<String, Long, Long>> sink)
            throws Exception {
        StreamExecutionEnvironment env = environment();
        DataStream<Tuple2<String, Long>> events =
                env.fromSource(source, strategy(idleness), "paced", EVENT)
                        .map(e -> e)
                        .returns(EVENT)
                        .rescale()
                        .map(e -> e)
                        .returns(EVENT);
        countWindows(events, sink);
        return env.executeAsync("source idleness " + idleness);
    }

    /** Source (one subtask) -> all to one assigner of two -> windows. */
    static JobClient startAssignerIdlenessJob(
            boolean idleness, PacedSource source, CollectingSink<Tuple3<String, Long, Long>> sink)
            throws Exception {
        StreamExecutionEnvironment env = environment();
        DataStream<Tuple2<String, Long>> events =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "paced", EVENT)
                        .setParallelism(1)
                        .keyBy(e -> "one key")
                        .assignTimestampsAndWatermarks(strategy(idleness));
        countWindows(events, sink);
        return env.executeAsync("assigner idleness " + idleness);
    }

    interface JobStarter {
        JobClient start(
                boolean idleness,
                PacedSource source,
                CollectingSink<Tuple3<String, Long, Long>> sink)
                throws Exception;
    }

    static JobStarter starter(String where) {
        return where.equals("source")
                ? WatermarkIdlenessITCase::startSourceIdlenessJob
                : WatermarkIdlenessITCase::startAssignerIdlenessJob;
    }

    @ParameterizedTest(name = "idleness at the {0}")
    @ValueSource(strings = {"source", "assigner"})
    void withIdlenessWindowsFireWhileTheJobRuns(String where) throws Exception {
        JobStarter job = starter(where);
        PacedSource source = new PacedSource();
        CollectingSink<Tuple3<String, Long, Long>> sink = new CollectingSink<>();
        JobClient client = job.start(true, source, sink);
        try {
            List<Tuple3<String, Long, Long>> results = awaitWindows(sink, 3);
            assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertCompleteWindows(results);
        } finally {
            client.cancel().get();
        }
    }

    @ParameterizedTest(name = "no idleness at the {0}")
    @ValueSource(strings = {"source", "assigner"})
    void withoutIdlenessAnInstanceWithoutDataHoldsEveryWindowBack(String where) throws Exception {
        JobStarter job = starter(where);
        PacedSource source = new PacedSource();
        CollectingSink<Tuple3<String, Long, Long>> sink = new CollectingSink<>();
        JobClient client = job.start(false, source, sink);
        try {
            awaitSourceProgress(source);
            assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(sink.getResults()).isEmpty();
        } finally {
            client.cancel().get();
        }
    }

    @Test
    void aZeroAutoWatermarkIntervalMeansNoPeriodicWatermarks() throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(1);
        PacedSource source = new PacedSource();
        CollectingSink<Tuple3<String, Long, Long>> sink = new CollectingSink<>();
        countWindows(env.fromSource(source, strategy(false), "paced", EVENT), sink);
        JobClient client = env.executeAsync("no periodic watermarks");
        try {
            awaitSourceProgress(source);
            assertThat(sink.getResults()).isEmpty();
        } finally {
            client.cancel().get();
        }
    }

    @Test
    void theAutoWatermarkIntervalIsReadWhenTheJobIsSubmitted() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(0);
        PacedSource source = new PacedSource();
        CollectingSink<Tuple3<String, Long, Long>> sink = new CollectingSink<>();
        countWindows(env.fromSource(source, strategy(false), "paced", EVENT), sink);
        env.getConfig().setAutoWatermarkInterval(INTERVAL_MILLIS);
        JobClient client = env.executeAsync("periodic watermarks");
        try {
            assertCompleteWindows(awaitWindows(sink, 3));
        } finally {
            client.cancel().get();
        }
    }

    @Test
    void anAssignerReadsTheAutoWatermarkIntervalWhenTheJobIsSubmitted() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(0);
        PacedSource source = new PacedSource();
        CollectingSink<Tuple3<String, Long, Long>> sink = new CollectingSink<>();
        countWindows(
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "paced", EVENT)
                        .assignTimestampsAndWatermarks(strategy(false)),
                sink);
        env.getConfig().setAutoWatermarkInterval(INTERVAL_MILLIS);
        JobClient client = env.executeAsync("periodic watermarks from an assigner");
        try {
            assertCompleteWindows(awaitWindows(sink, 3));
        } finally {
            client.cancel().get();
        }
    }

    /** Polls until {@code windows} windows per key have fired; fails after the deadline. */
    static List<Tuple3<String, Long, Long>> awaitWindows(
            CollectingSink<Tuple3<String, Long, Long>> sink, int windows)
            throws InterruptedException {
        return await(
                sink::getResults,
                results -> results.size() >= 2 * windows,
                "window results, got only " + sink.getResults());
    }

    /** Polls until the source has emitted {@link #RECORDS_BEFORE_CHECK} records. */
    static void awaitSourceProgress(PacedSource source) throws InterruptedException {
        await(source::emitted, n -> n >= RECORDS_BEFORE_CHECK, "the source to emit records");
    }

    static <T> T await(Supplier<T> value, Predicate<T> done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + RESULTS_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            T v = value.get();
            if (done.test(v)) {
                return v;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("Timed out after " + RESULTS_DEADLINE + " waiting for " + what);
    }

    /**
     * Every result is a complete window (5 records per key), fired once; each key's windows fire in
     * order from the first, without gaps.
     */
    static void assertCompleteWindows(List<Tuple3<String, Long, Long>> results) {
        Map<String, Set<Long>> startsByKey = new TreeMap<>();
        for (Tuple3<String, Long, Long> r : results) {
            assertThat(r.f2).as("count of %s", r).isEqualTo(5L);
            assertThat(startsByKey.computeIfAbsent(r.f0, k -> new TreeSet<>()).add(r.f1))
                    .as("fired once: %s", r)
                    .isTrue();
        }
        assertThat(startsByKey).containsOnlyKeys("k0", "k1");
        startsByKey.forEach(
                (key, starts) -> {
                    List<Long> expected = new ArrayList<>();
                    for (long start = 0; expected.size() < starts.size(); start += WINDOW) {
                        expected.add(start);
                    }
                    assertThat(starts).as("windows of %s", key).containsExactlyElementsOf(expected);
                });
    }
}
