package dev.brook.streaming.api.datastream;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.api.java.typeutils.TypeExtractor;
import dev.brook.streaming.api.functions.windowing.AllWindowFunction;
import dev.brook.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.brook.streaming.api.windowing.assigners.WindowAssigner;
import dev.brook.streaming.api.windowing.evictors.Evictor;
import dev.brook.streaming.api.windowing.triggers.Trigger;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.streaming.runtime.operators.windowing.WindowFunctions;
import dev.brook.util.OutputTag;
import java.time.Duration;

/**
 * A non-keyed stream grouped into windows. All elements meet in one parallel instance, so the
 * window operation runs with parallelism 1.
 */
public class AllWindowedStream<T, W extends Window> {

    private final WindowedStream<T, Byte, W> windowed;

    AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
        this.windowed = input.keyBy(new NullByteKeySelector<>(), Types.BYTE).window(assigner);
    }

    /** All records under one key, so one window operator instance sees them all. */
    private static final class NullByteKeySelector<T> implements KeySelector<T, Byte> {
        private static final long serialVersionUID = 1L;

        @Override
        public Byte getKey(T value) {
            return 0;
        }
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windowed.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        windowed.evictor(evictor);
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return this;
    }

    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
        windowed.sideOutputLateData(outputTag);
        return this;
    }

    private static <R> SingleOutputStreamOperator<R> single(SingleOutputStreamOperator<R> op) {
        return op.setParallelism(1).setMaxParallelism(1);
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return single(windowed.reduce(function));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return single(windowed.aggregate(function));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        TypeInformation<R> out =
                TypeExtractor.extractTypeArgument(
                        function, AllWindowFunction.class, 1, windowed.inputType());
        return single(
                windowed.build(
                        "Window(Apply)", out, windowed.listing(), WindowFunctions.ofAll(function)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        TypeInformation<R> out =
                TypeExtractor.extractTypeArgument(
                        function, ProcessAllWindowFunction.class, 1, windowed.inputType());
        return single(
                windowed.build(
                        "Window(Process)",
                        out,
                        windowed.listing(),
                        WindowFunctions.ofAll(function)));
    }

    public SingleOutputStreamOperator<T> sum(int position) {
        return single(windowed.sum(position));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return single(windowed.sum(field));
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return single(windowed.min(position));
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return single(windowed.max(position));
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return single(windowed.minBy(position));
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return single(windowed.maxBy(position));
    }
}
