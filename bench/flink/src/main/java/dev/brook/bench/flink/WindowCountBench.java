package dev.brook.bench.flink;

import dev.brook.bench.common.BenchJob;
import dev.brook.bench.common.BenchRunner;
import dev.brook.bench.common.WindowEvents;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Keyed event-time tumbling window count: events {@code (key, timestamp)} from {@link WindowEvents}
 * (100,000 keys, bounded disorder of up to 500 ms, watermarks lagging by as much), counted per key
 * in 1 s tumbling windows by an incremental aggregate whose result a process window function pairs
 * with the key, into a discarding sink. Records are events; the default is 10,000,000.
 *
 * <p>{@code --conf key=value} entries configure the engine alike on both sides: {@code
 * window-count-checkpointed} and {@code window-count-rocksdb} in {@code bench/run.sh} set the state
 * backend and checkpointing this way.
 */
public final class WindowCountBench {

    private WindowCountBench() {}

    public static void main(String[] args) throws Exception {
        BenchRunner.run(
                WindowCountBench.class,
                "window-count",
                args,
                10_000_000L,
                WindowEvents::expectation,
                WindowCountBench::build);
    }

    static BenchJob.Execution build(
            int parallelism, long events, Map<String, String> configuration) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        Configuration.fromMap(configuration));
        env.setParallelism(parallelism);

        env.fromSequence(0, events - 1)
                .map(new ToEvent())
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple2<Long, Long>>forBoundedOutOfOrderness(
                                        Duration.ofMillis(WindowEvents.MAX_DELAY_MILLIS))
                                .withTimestampAssigner(new EventTime()))
                .keyBy(new EventKey())
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WindowEvents.WINDOW_MILLIS)))
                .aggregate(new CountEvents(), new PairWithKey())
                .sinkTo(new CountingDiscardingSink<>());

        return () -> env.execute("Window count benchmark");
    }

    /** Event number to {@code (key, event time)}. */
    public static final class ToEvent implements MapFunction<Long, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> map(Long event) {
            return new Tuple2<>(WindowEvents.key(event), WindowEvents.timestamp(event));
        }
    }

    /** The event time of an event. */
    public static final class EventTime
            implements SerializableTimestampAssigner<Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(Tuple2<Long, Long> event, long recordTimestamp) {
            return event.f1;
        }
    }

    /** The key of an event. */
    public static final class EventKey implements KeySelector<Tuple2<Long, Long>, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Tuple2<Long, Long> event) {
            return event.f0;
        }
    }

    /** Counts the events of one key and window. */
    public static final class CountEvents
            implements AggregateFunction<Tuple2<Long, Long>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<Long, Long> event, Long count) {
            return count + 1;
        }

        @Override
        public Long getResult(Long count) {
            return count;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Emits {@code (key, count)} for a fired window. */
    public static final class PairWithKey
            extends ProcessWindowFunction<Long, Tuple2<Long, Long>, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                Long key,
                Context context,
                Iterable<Long> counts,
                Collector<Tuple2<Long, Long>> out) {
            out.collect(new Tuple2<>(key, counts.iterator().next()));
        }
    }
}
