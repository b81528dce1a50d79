package dev.brook.streaming.examples.windowing;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.brook.streaming.examples.util.ResultSink;
import dev.brook.util.ParameterTool;
import java.time.Duration;
import java.util.List;

/**
 * Sums per session, as Flink's SessionWindowing example does: events {@code (key, timestamp,
 * count)} with event-time timestamps fall into per-key sessions that end after 3 ms without an
 * event, and each session emits {@code (key, first timestamp, sum of counts)}.
 *
 * <pre>
 * bin/flink run examples/streaming/SessionWindowing.jar [--output DIR]
 * </pre>
 *
 * <p>The built-in events give five sessions: {@code (a,1,1)}, {@code (b,1,3)}, {@code (c,6,1)},
 * {@code (a,10,1)} and {@code (c,11,1)}. Without {@code --output} they are printed.
 */
public class SessionWindowing {

    /** The events: key, timestamp (ms), count. */
    static final List<Tuple3<String, Long, Integer>> EVENTS =
            List.of(
                    Tuple3.of("a", 1L, 1),
                    Tuple3.of("b", 1L, 1),
                    Tuple3.of("b", 3L, 1),
                    Tuple3.of("b", 5L, 1),
                    Tuple3.of("c", 6L, 1),
                    // a's first session (1 to 4) is over: its gap passed without an event.
                    Tuple3.of("a", 10L, 1),
                    // So are b's (1 to 8) and c's (6 to 9).
                    Tuple3.of("c", 11L, 1));

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(params);
        env.setParallelism(1);

        DataStream<Tuple3<String, Long, Integer>> source =
                env.fromData(EVENTS, Types.TUPLE(Types.STRING, Types.LONG, Types.INT))
                        .name("in-memory-input")
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy
                                        .<Tuple3<String, Long, Integer>>forMonotonousTimestamps()
                                        .withTimestampAssigner((event, timestamp) -> event.f1));

        DataStream<Tuple3<String, Long, Integer>> aggregated =
                source.keyBy(value -> value.f0)
                        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(3)))
                        .sum(2)
                        .name("session-sum");

        ResultSink.writeOrPrint(aggregated, params);
        env.execute("SessionWindowing");
    }
}
