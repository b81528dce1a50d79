package dev.brook.streaming.api.datastream;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.typeutils.TypeExtractor;
import dev.brook.streaming.api.functions.aggregation.ComparableAggregator;
import dev.brook.streaming.api.functions.aggregation.ComparableAggregator.AggregationType;
import dev.brook.streaming.api.functions.aggregation.SumAggregator;
import dev.brook.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.brook.streaming.api.functions.windowing.WindowFunction;
import dev.brook.streaming.api.windowing.assigners.WindowAssigner;
import dev.brook.streaming.api.windowing.evictors.Evictor;
import dev.brook.streaming.api.windowing.triggers.Trigger;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.streaming.runtime.operators.windowing.InternalWindowFunction;
import dev.brook.streaming.runtime.operators.windowing.WindowContents;
import dev.brook.streaming.runtime.operators.windowing.WindowFunctions;
import dev.brook.streaming.runtime.operators.windowing.WindowOperator;
import dev.brook.util.OutputTag;
import java.time.Duration;
import java.util.Objects;

/**
 * A keyed stream grouped into windows. Configure the trigger, evictor, lateness and late-data side
 * output, then evaluate the windows with {@code reduce}, {@code aggregate}, {@code apply} or {@code
 * process}.
 */
public class WindowedStream<T, K, W extends Window> {

    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataOutputTag;

    WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
        this.input = input;
        this.assigner = assigner;
        this.trigger = assigner.getDefaultTrigger();
    }

    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        this.trigger = Objects.requireNonNull(trigger);
        return this;
    }

    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = Objects.requireNonNull(evictor);
        return this;
    }

    /** Keeps event-time windows (and accepts late elements into them) this long past their end. */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("Allowed lateness must not be negative");
        }
        this.allowedLateness = lateness.toMillis();
        return this;
    }

    /** Sends elements too late for their windows to this side output instead of dropping them. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        this.lateDataOutputTag = Objects.requireNonNull(outputTag);
        return this;
    }

    // ------------------------------------------------------------------ reduce

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return build(
                "Window(Reduce)",
                input.getType(),
                WindowContents.reducing(function, input.getType()),
                WindowFunctions.passThrough());
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function) {
        TypeInformation<R> out =
                TypeExtractor.extractTypeArgument(
                        function, WindowFunction.class, 1, input.getType(), input.getKeyType());
        return build(
                "Window(Reduce)",
                out,
                WindowContents.reducing(reduceFunction, input.getType()),
                WindowFunctions.of(function));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function) {
        TypeInformation<R> out =
                TypeExtractor.extractTypeArgument(
                        function,
                        ProcessWindowFunction.class,
                        1,
                        input.getType(),
                        input.getKeyType());
        return build(
                "Window(Reduce)",
                out,
                WindowContents.reducing(reduceFunction, input.getType()),
                WindowFunctions.of(function));
    }

    // ------------------------------------------------------------------ aggregate

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        TypeInformation<ACC> acc = accumulatorType(function);
        TypeInformation<R> out =
                TypeExtractor.extractTypeArgument(
                        function, AggregateFunction.class, 2, input.getType(), acc);
        return build(
                "Window(Aggregate)",
                out,
                WindowContents.aggregating(function, input.getType(), acc),
                WindowFunctions.passThrough());
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggFunction, WindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<ACC> acc = accumulatorType(aggFunction);
        TypeInformation<V> agg =
                TypeExtractor.extractTypeArgument(
                        aggFunction, AggregateFunction.class, 2, input.getType(), acc);
        TypeInformation<R> out =
                TypeExtractor.extractTypeArgument(
                        windowFunction, WindowFunction.class, 1, agg, input.getKeyType());
        return build(
                "Window(Aggregate)",
                out,
                WindowContents.aggregating(aggFunction, input.getType(), acc),
                WindowFunctions.of(windowFunction));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<ACC> acc = accumulatorType(aggFunction);
        TypeInformation<V> agg =
                TypeExtractor.extractTypeArgument(
                        aggFunction, AggregateFunction.class, 2, input.getType(), acc);
        TypeInformation<R> out =
                TypeExtractor.extractTypeArgument(
                        windowFunction, ProcessWindowFunction.class, 1, agg, input.getKeyType());
        return build(
                "Window(Aggregate)",
                out,
                WindowContents.aggregating(aggFunction, input.getType(), acc),
                WindowFunctions.of(windowFunction));
    }

    private <ACC> TypeInformation<ACC> accumulatorType(AggregateFunction<T, ACC, ?> function) {
        return TypeExtractor.extractTypeArgument(
                function, AggregateFunction.class, 1, input.getType());
    }

    // ------------------------------------------------------------------ apply / process

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        TypeInformation<R> out =
                TypeExtractor.extractTypeArgument(
                        function, WindowFunction.class, 1, input.getType(), input.getKeyType());
        return apply(function, out);
    }

    public <R> SingleOutputStreamOperator<R> apply(
            WindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return build(
                "Window(Apply)",
                resultType,
                WindowContents.listing(input.getType()),
                WindowFunctions.of(function));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        TypeInformation<R> out =
                TypeExtractor.extractTypeArgument(
                        function,
                        ProcessWindowFunction.class,
                        1,
                        input.getType(),
                        input.getKeyType());
        return process(function, out);
    }

    public <R> SingleOutputStreamOperator<R> process(
            ProcessWindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return build(
                "Window(Process)",
                resultType,
                WindowContents.listing(input.getType()),
                WindowFunctions.of(function));
    }

    // ------------------------------------------------------------------ field aggregations

    public SingleOutputStreamOperator<T> sum(int position) {
        return reduce(new SumAggregator<>(position, input.getType()));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return reduce(new SumAggregator<>(field, input.getType()));
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return reduce(
                new ComparableAggregator<>(position, input.getType(), AggregationType.MIN, false));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return reduce(
                new ComparableAggregator<>(field, input.getType(), AggregationType.MIN, false));
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return reduce(
                new ComparableAggregator<>(position, input.getType(), AggregationType.MAX, false));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return reduce(
                new ComparableAggregator<>(field, input.getType(), AggregationType.MAX, false));
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return reduce(
                new ComparableAggregator<>(
                        position, input.getType(), AggregationType.MIN_BY, true));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return reduce(
                new ComparableAggregator<>(field, input.getType(), AggregationType.MIN_BY, true));
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return reduce(
                new ComparableAggregator<>(
                        position, input.getType(), AggregationType.MAX_BY, true));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return reduce(
                new ComparableAggregator<>(field, input.getType(), AggregationType.MAX_BY, true));
    }

    TypeInformation<T> inputType() {
        return input.getType();
    }

    WindowContents<T, T> listing() {
        return WindowContents.listing(input.getType());
    }

    <X, R> SingleOutputStreamOperator<R> build(
            String name,
            TypeInformation<R> outputType,
            WindowContents<T, X> contents,
            InternalWindowFunction<X, R, K, W> function) {
        WindowAssigner<? super T, W> a = assigner;
        Trigger<? super T, ? super W> t = trigger;
        Evictor<? super T, ? super W> e = evictor;
        long lateness = allowedLateness;
        OutputTag<T> lateTag = lateDataOutputTag;
        return input.transform(
                name,
                outputType,
                p ->
                        new WindowOperator<K, T, X, R, W>(
                                p, a, t, contents, function, e, lateness, lateTag));
    }
}
