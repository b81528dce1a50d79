package dev.brook.streaming.api.datastream;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.api.java.typeutils.TypeExtractor;
import dev.brook.runtime.plan.OneInputTransformation;
import dev.brook.runtime.plan.PartitionTransformation;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.api.functions.aggregation.ComparableAggregator;
import dev.brook.streaming.api.functions.aggregation.ComparableAggregator.AggregationType;
import dev.brook.streaming.api.functions.aggregation.SumAggregator;
import dev.brook.streaming.api.windowing.assigners.GlobalWindows;
import dev.brook.streaming.api.windowing.assigners.WindowAssigner;
import dev.brook.streaming.api.windowing.evictors.CountEvictor;
import dev.brook.streaming.api.windowing.triggers.CountTrigger;
import dev.brook.streaming.api.windowing.triggers.PurgingTrigger;
import dev.brook.streaming.api.windowing.windows.GlobalWindow;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.streaming.runtime.operators.KeyedProcessOperator;
import dev.brook.streaming.runtime.operators.StreamGroupedReduce;
import dev.brook.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import java.util.Objects;

/**
 * A stream partitioned by key. Operations applied directly to it are keyed: their functions can use
 * keyed state, scoped to the key of the current record.
 */
public class KeyedStream<T, KEY> extends DataStream<T> {

    private final KeySelector<T, KEY> keySelector;
    private final TypeInformation<KEY> keyType;

    KeyedStream(
            DataStream<T> input, KeySelector<T, KEY> keySelector, TypeInformation<KEY> keyType) {
        super(
                input.getExecutionEnvironment(),
                new PartitionTransformation<>(
                        input.getTransformation(),
                        new KeyGroupStreamPartitioner<>(
                                keySelector,
                                KeyGroupRangeAssignment.DEFAULT_LOWER_BOUND_MAX_PARALLELISM)));
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    public KeySelector<T, KEY> getKeySelector() {
        return keySelector;
    }

    public TypeInformation<KEY> getKeyType() {
        return keyType;
    }

    @Override
    void configureTransformation(OneInputTransformation<T, ?> t) {
        t.setStateKeySelector(keySelector, keyType);
    }

    /** Groups each key's records into windows of the given assigner. */
    public <W extends Window> WindowedStream<T, KEY, W> window(
            WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, Objects.requireNonNull(assigner, "window assigner"));
    }

    /** Windows of {@code size} elements per key, evaluated when full. */
    public WindowedStream<T, KEY, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** The last {@code size} elements per key, evaluated every {@code slide} elements. */
    public WindowedStream<T, KEY, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create())
                .evictor(CountEvictor.of(size))
                .trigger(CountTrigger.of(slide));
    }

    /** Rolling reduce per key: emits the reduced value for every record. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        Objects.requireNonNull(reducer, "reduce function");
        TypeInformation<T> type = getType();
        return transform("Keyed Reduce", type, p -> new StreamGroupedReduce<>(p, reducer, type));
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<KEY, T, R> function) {
        return process(
                function,
                TypeExtractor.extractTypeArgument(
                        function, KeyedProcessFunction.class, 2, keyType, getType()));
    }

    public <R> SingleOutputStreamOperator<R> process(
            KeyedProcessFunction<KEY, T, R> function, TypeInformation<R> outputType) {
        Objects.requireNonNull(function, "process function");
        return transform("KeyedProcess", outputType, p -> new KeyedProcessOperator<>(p, function));
    }

    private SingleOutputStreamOperator<T> aggregate(ReduceFunction<T> aggregator) {
        TypeInformation<T> type = getType();
        return transform(
                "Keyed Aggregation", type, p -> new StreamGroupedReduce<>(p, aggregator, type));
    }

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return aggregate(new SumAggregator<>(positionToSum, getType()));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(new SumAggregator<>(field, getType()));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return aggregate(
                new ComparableAggregator<>(positionToMin, getType(), AggregationType.MIN, false));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregate(new ComparableAggregator<>(field, getType(), AggregationType.MIN, false));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return aggregate(
                new ComparableAggregator<>(positionToMax, getType(), AggregationType.MAX, false));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregate(new ComparableAggregator<>(field, getType(), AggregationType.MAX, false));
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return minBy(position, true);
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return minBy(field, true);
    }

    public SingleOutputStreamOperator<T> minBy(int position, boolean first) {
        return aggregate(
                new ComparableAggregator<>(position, getType(), AggregationType.MIN_BY, first));
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return aggregate(
                new ComparableAggregator<>(field, getType(), AggregationType.MIN_BY, first));
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return maxBy(position, true);
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return maxBy(field, true);
    }

    public SingleOutputStreamOperator<T> maxBy(int position, boolean first) {
        return aggregate(
                new ComparableAggregator<>(position, getType(), AggregationType.MAX_BY, first));
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return aggregate(
                new ComparableAggregator<>(field, getType(), AggregationType.MAX_BY, first));
    }
}
