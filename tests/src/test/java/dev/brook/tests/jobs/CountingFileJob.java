package dev.brook.tests.jobs;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.common.serialization.SimpleStringEncoder;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.configuration.MemorySize;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.connector.file.sink.FileSink;
import dev.brook.core.fs.Path;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.brook.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;

/**
 * Counts numbers 0..count-1 per key (n % 5) in keyed state and sums them per key in tumbling
 * event-time windows of 100; writes "count k c" and "window k start sum" lines with the
 * exactly-once file sink. Arguments: output directory, count, records per second.
 */
public class CountingFileJob {

    /** The running count of the record's key. */
    public static final class Count extends RichMapFunction<Long, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public String map(Long value) throws Exception {
            long c = count.value() == null ? 1 : count.value() + 1;
            count.update(c);
            return "count " + value % 5 + " " + c;
        }
    }

    public static void main(String[] args) throws Exception {
        String output = args[0];
        long count = Long.parseLong(args[1]);
        double perSecond = Double.parseDouble(args[2]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<Long> numbers =
                env.fromSource(
                                new DataGeneratorSource<>(
                                        i -> i,
                                        count,
                                        RateLimiterStrategy.perSecond(perSecond),
                                        Types.LONG),
                                WatermarkStrategy.<Long>forMonotonousTimestamps()
                                        .withTimestampAssigner((v, ts) -> v),
                                "numbers")
                        .uid("numbers");
        DataStream<String> counts = numbers.keyBy(v -> v % 5).map(new Count()).uid("counts");
        DataStream<String> windows =
                numbers.map(v -> Tuple3.of(v % 5, v - v % 100, v))
                        .returns(Types.TUPLE(Types.LONG, Types.LONG, Types.LONG))
                        .uid("tuples")
                        .keyBy(t -> t.f0)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                        .reduce((a, b) -> Tuple3.of(a.f0, a.f1, a.f2 + b.f2))
                        .uid("windows")
                        .map(t -> "window " + t.f0 + " " + t.f1 + " " + t.f2)
                        .uid("format");
        counts.union(windows)
                .sinkTo(
                        FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>())
                                .withBucketAssigner(new BasePathBucketAssigner<>())
                                .withRollingPolicy(
                                        DefaultRollingPolicy.builder()
                                                .withMaxPartSize(MemorySize.parse("8kb"))
                                                .build())
                                .build())
                .uid("files");
        env.execute("counting into files");
    }
}
