package dev.brook.streaming.api.windowing;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.api.java.tuple.Tuple4;
import dev.brook.streaming.api.datastream.SingleOutputStreamOperator;
import dev.brook.streaming.api.datastream.WindowedStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.brook.streaming.api.windowing.WindowModel.Kind;
import dev.brook.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.brook.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.brook.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.brook.streaming.api.windowing.assigners.WindowAssigner;
import dev.brook.streaming.api.windowing.windows.TimeWindow;
import dev.brook.test.util.CollectingSink;
import dev.brook.test.util.WatermarkBarrier;
import dev.brook.test.util.WatermarkObservingSink;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Event-time windows over out-of-order input from 1, 2 and 4 parallel sources, whose watermarks the
 * window operator combines, checked against {@link WindowModel}: every firing (including updated
 * firings admitted by allowed lateness) and every record sent to the late side output. The {@link
 * LockstepSource} makes the outcome deterministic, so the comparison is exact.
 */
class OutOfOrderWindowITCase {

    static final int ROUNDS = 100;
    static final long LATENESS = 15;

    static final TypeInformation<Tuple3<String, Long, Integer>> EVENT =
            Types.TUPLE(Types.STRING, Types.LONG, Types.INT);

    /** What happens to late records. */
    enum Late {
        /** No allowed lateness, no side output: they are dropped. */
        DROPPED(0, false),
        /** No allowed lateness: they go to the side output. */
        SIDE_OUTPUT(0, true),
        /** Allowed lateness admits some (with updated firings); the rest go to the side output. */
        ALLOWED_LATENESS(LATENESS, true);

        final long lateness;
        final boolean sideOutput;

        Late(long lateness, boolean sideOutput) {
            this.lateness = lateness;
            this.sideOutput = sideOutput;
        }
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Kind kind : Kind.values()) {
            for (int parallelism : new int[] {1, 2, 4}) {
                cases.add(Arguments.of(kind, parallelism, Late.SIDE_OUTPUT));
                cases.add(Arguments.of(kind, parallelism, Late.ALLOWED_LATENESS));
            }
            cases.add(Arguments.of(kind, 2, Late.DROPPED));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} windows, parallelism {1}, late records: {2}")
    @MethodSource("cases")
    void firingsAndLateRecordsMatchTheModel(Kind kind, int parallelism, Late late)
            throws Exception {
        OutOfOrderScript script = OutOfOrderScript.generate(parallelism, ROUNDS, 17L * parallelism);
        WindowModel expected = WindowModel.of(script, kind, late.lateness);
        assertThat(expected.late).as("the input must have late records").isNotEmpty();
        if (late == Late.ALLOWED_LATENESS) {
            assertThat(hasUpdatedFirings(expected))
                    .as("the input must have records admitted by allowed lateness")
                    .isTrue();
        } else {
            assertThat(hasUpdatedFirings(expected))
                    .as("without lateness a window fires once")
                    .isFalse();
        }

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        WatermarkBarrier barrier = new WatermarkBarrier(parallelism);
        WatermarkObservingSink<Tuple4<String, Long, Long, Long>> results =
                new WatermarkObservingSink<>(barrier);
        CollectingSink<Tuple3<String, Long, Integer>> lateRecords = new CollectingSink<>();
        OutputTag<Tuple3<String, Long, Integer>> lateTag = new OutputTag<>("late", EVENT);

        WindowedStream<Tuple3<String, Long, Integer>, String, TimeWindow> windowed =
                env.fromSource(
                                new LockstepSource(script, barrier),
                                WatermarkStrategy.noWatermarks(),
                                "lockstep",
                                EVENT)
                        .keyBy(e -> e.f0)
                        .window(assigner(kind))
                        .allowedLateness(Duration.ofMillis(late.lateness));
        if (late.sideOutput) {
            windowed = windowed.sideOutputLateData(lateTag);
        }
        SingleOutputStreamOperator<Tuple4<String, Long, Long, Long>> firings =
                windowed.aggregate(new Count(), new WithWindow());
        firings.sinkTo(results);
        if (late.sideOutput) {
            firings.getSideOutput(lateTag).addSink(lateRecords);
        }
        env.execute();

        assertSameMultiset(results.getResults(), expected.firings);
        assertSameMultiset(lateRecords.getResults(), late.sideOutput ? expected.late : List.of());
    }

    static WindowAssigner<Object, TimeWindow> assigner(Kind kind) {
        return switch (kind) {
            case TUMBLING ->
                    TumblingEventTimeWindows.of(Duration.ofMillis(WindowModel.TUMBLING_SIZE));
            case SLIDING ->
                    SlidingEventTimeWindows.of(
                            Duration.ofMillis(WindowModel.SLIDING_SIZE),
                            Duration.ofMillis(WindowModel.SLIDE));
            case SESSION ->
                    EventTimeSessionWindows.withGap(Duration.ofMillis(WindowModel.SESSION_GAP));
        };
    }

    static boolean hasUpdatedFirings(WindowModel model) {
        Map<Tuple4<String, Long, Long, Long>, Integer> perWindow = new HashMap<>();
        for (Tuple4<String, Long, Long, Long> f : model.firings) {
            if (perWindow.merge(Tuple4.of(f.f0, f.f1, f.f2, 0L), 1, Integer::sum) > 1) {
                return true;
            }
        }
        return false;
    }

    static final class Count
            implements AggregateFunction<Tuple3<String, Long, Integer>, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple3<String, Long, Integer> value, Long acc) {
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

    /** Emits (key, window start, window end, count). */
    static final class WithWindow
            extends ProcessWindowFunction<
                    Long, Tuple4<String, Long, Long, Long>, String, TimeWindow> {
        @Override
        public void process(
                String key,
                Context ctx,
                Iterable<Long> counts,
                Collector<Tuple4<String, Long, Long, Long>> out) {
            for (Long c : counts) {
                out.collect(Tuple4.of(key, ctx.window().getStart(), ctx.window().getEnd(), c));
            }
        }
    }
}
