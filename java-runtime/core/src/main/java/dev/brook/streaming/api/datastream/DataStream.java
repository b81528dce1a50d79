package dev.brook.streaming.api.datastream;

import dev.brook.annotation.Internal;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.FilterFunction;
import dev.brook.api.common.functions.FlatMapFunction;
import dev.brook.api.common.functions.MapFunction;
import dev.brook.api.common.functions.Partitioner;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.connector.sink2.Sink;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.api.java.typeutils.TypeExtractor;
import dev.brook.configuration.PipelineOptions;
import dev.brook.runtime.plan.OneInputTransformation;
import dev.brook.runtime.plan.PartitionTransformation;
import dev.brook.runtime.plan.Transformation;
import dev.brook.runtime.plan.UnionTransformation;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.ProcessFunction;
import dev.brook.streaming.api.functions.sink.PrintSink;
import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;
import dev.brook.streaming.api.windowing.assigners.GlobalWindows;
import dev.brook.streaming.api.windowing.assigners.WindowAssigner;
import dev.brook.streaming.api.windowing.evictors.CountEvictor;
import dev.brook.streaming.api.windowing.triggers.CountTrigger;
import dev.brook.streaming.api.windowing.triggers.PurgingTrigger;
import dev.brook.streaming.api.windowing.windows.GlobalWindow;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.streaming.runtime.operators.LegacySinkOperator;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import dev.brook.streaming.runtime.operators.ProcessOperator;
import dev.brook.streaming.runtime.operators.SinkWriterOperator;
import dev.brook.streaming.runtime.operators.StreamFilter;
import dev.brook.streaming.runtime.operators.StreamFlatMap;
import dev.brook.streaming.runtime.operators.StreamMap;
import dev.brook.streaming.runtime.operators.TimestampsAndWatermarksOperator;
import dev.brook.streaming.runtime.partitioner.BroadcastPartitioner;
import dev.brook.streaming.runtime.partitioner.CustomPartitionerWrapper;
import dev.brook.streaming.runtime.partitioner.ForwardPartitioner;
import dev.brook.streaming.runtime.partitioner.GlobalPartitioner;
import dev.brook.streaming.runtime.partitioner.RebalancePartitioner;
import dev.brook.streaming.runtime.partitioner.RescalePartitioner;
import dev.brook.streaming.runtime.partitioner.ShufflePartitioner;
import dev.brook.streaming.runtime.partitioner.StreamPartitioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stream of records of one type. Operations on it return new streams and record themselves in the
 * environment; nothing runs until the environment executes.
 */
public class DataStream<T> {

    final StreamExecutionEnvironment environment;
    final Transformation<T> transformation;

    @Internal
    public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = Objects.requireNonNull(environment);
        this.transformation = Objects.requireNonNull(transformation);
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public TypeInformation<T> getType() {
        return transformation.getOutputType();
    }

    /** The parallelism of the operation that produces this stream (-1: the default). */
    public int getParallelism() {
        return transformation.getParallelism();
    }

    public int getId() {
        return transformation.getId();
    }

    @Internal
    public Transformation<T> getTransformation() {
        return transformation;
    }

    // ------------------------------------------------------------------ transformations

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return map(
                mapper,
                TypeExtractor.getUnaryOperatorReturnType(
                        mapper, MapFunction.class, 0, 1, getType()));
    }

    public <R> SingleOutputStreamOperator<R> map(
            MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        Objects.requireNonNull(mapper, "map function");
        return transform("Map", outputType, p -> new StreamMap<>(p, mapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return flatMap(
                flatMapper,
                TypeExtractor.getUnaryOperatorReturnType(
                        flatMapper, FlatMapFunction.class, 0, 1, getType()));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(
            FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        Objects.requireNonNull(flatMapper, "flatMap function");
        return transform("Flat Map", outputType, p -> new StreamFlatMap<>(p, flatMapper));
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        Objects.requireNonNull(filter, "filter function");
        return transform("Filter", getType(), p -> new StreamFilter<>(p, filter));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
        return process(
                processFunction,
                TypeExtractor.getUnaryOperatorReturnType(
                        processFunction, ProcessFunction.class, 0, 1, getType()));
    }

    public <R> SingleOutputStreamOperator<R> process(
            ProcessFunction<T, R> processFunction, TypeInformation<R> outputType) {
        Objects.requireNonNull(processFunction, "process function");
        return transform("Process", outputType, p -> new ProcessOperator<>(p, processFunction));
    }

    /** Groups the stream by key: records with equal keys go to the same parallel instance. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        Objects.requireNonNull(key, "key selector");
        return new KeyedStream<>(
                this,
                key,
                TypeExtractor.getUnaryOperatorReturnType(key, KeySelector.class, 0, 1, getType()));
    }

    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key, TypeInformation<K> keyType) {
        Objects.requireNonNull(key, "key selector");
        return new KeyedStream<>(this, key, keyType);
    }

    /** One stream with the records of this and the given streams (of the same type). */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final DataStream<T> union(DataStream<T>... streams) {
        List<Transformation<T>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> s : streams) {
            if (!getType().equals(s.getType())) {
                throw new IllegalArgumentException(
                        "Cannot union streams of different types: "
                                + getType()
                                + " and "
                                + s.getType());
            }
            inputs.add(s.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation<>(inputs));
    }

    /** Connects two streams, possibly of different types, for a two-input operation. */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        return new ConnectedStreams<>(environment, this, other);
    }

    /**
     * Connects this stream with a broadcast stream, for a {@code BroadcastProcessFunction} (or a
     * {@code KeyedBroadcastProcessFunction} if this stream is keyed). This stream keeps its
     * partitioning; every parallel instance sees all broadcast elements.
     */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        Objects.requireNonNull(broadcastStream, "broadcast stream");
        return new BroadcastConnectedStream<>(environment, this, broadcastStream);
    }

    /** Groups the whole (non-keyed) stream into windows, evaluated with parallelism 1. */
    public <W extends Window> AllWindowedStream<T, W> windowAll(
            WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, Objects.requireNonNull(assigner, "window assigner"));
    }

    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(GlobalWindows.create())
                .evictor(CountEvictor.of(size))
                .trigger(CountTrigger.of(slide));
    }

    /**
     * Assigns event timestamps and generates watermarks with {@code strategy}; records keep the
     * timestamps it extracts, and upstream watermarks are replaced by its own.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(
            WatermarkStrategy<T> strategy) {
        Objects.requireNonNull(strategy, "watermark strategy");
        // The interval is read when the job runs, so a setting made after this call counts too.
        return transform(
                "Timestamps/Watermarks",
                getType(),
                p ->
                        new TimestampsAndWatermarksOperator<>(
                                p,
                                strategy,
                                p.jobConfiguration()
                                        .get(PipelineOptions.AUTO_WATERMARK_INTERVAL)
                                        .toMillis()));
    }

    // ------------------------------------------------------------------ partitioning

    public DataStream<T> forward() {
        return partition(new ForwardPartitioner<>());
    }

    public DataStream<T> rebalance() {
        return partition(new RebalancePartitioner<>());
    }

    public DataStream<T> rescale() {
        return partition(new RescalePartitioner<>());
    }

    public DataStream<T> shuffle() {
        return partition(new ShufflePartitioner<>());
    }

    public DataStream<T> broadcast() {
        return partition(new BroadcastPartitioner<>());
    }

    /**
     * Sends every element to every parallel instance of the operation it is connected to, which
     * keeps the broadcast states {@code broadcastStateDescriptors} describe.
     */
    public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        Objects.requireNonNull(broadcastStateDescriptors, "broadcast state descriptors");
        for (MapStateDescriptor<?, ?> d : broadcastStateDescriptors) {
            Objects.requireNonNull(d, "broadcast state descriptor");
        }
        return new BroadcastStream<>(environment, broadcast(), List.of(broadcastStateDescriptors));
    }

    public DataStream<T> global() {
        return partition(new GlobalPartitioner<>());
    }

    public <K> DataStream<T> partitionCustom(
            Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        return partition(new CustomPartitionerWrapper<>(partitioner, keySelector));
    }

    private DataStream<T> partition(StreamPartitioner<T> partitioner) {
        return new DataStream<>(
                environment, new PartitionTransformation<>(transformation, partitioner));
    }

    // ------------------------------------------------------------------ sinks

    /** Prints each record to standard out, prefixed with the subtask number when parallel. */
    public DataStreamSink<T> print() {
        return sink("Print to Std. Out", p -> new SinkWriterOperator<>(p, new PrintSink<>()));
    }

    public DataStreamSink<T> print(String sinkIdentifier) {
        return sink(
                "Print to Std. Out",
                p -> new SinkWriterOperator<>(p, new PrintSink<>(sinkIdentifier)));
    }

    public DataStreamSink<T> printToErr() {
        return sink("Print to Std. Err", p -> new SinkWriterOperator<>(p, new PrintSink<>(true)));
    }

    public DataStreamSink<T> printToErr(String sinkIdentifier) {
        return sink(
                "Print to Std. Err",
                p -> new SinkWriterOperator<>(p, new PrintSink<>(sinkIdentifier, true)));
    }

    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        Objects.requireNonNull(sink, "sink");
        return sink(
                "Sink: " + sink.getClass().getSimpleName(), p -> new SinkWriterOperator<>(p, sink));
    }

    public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
        Objects.requireNonNull(sinkFunction, "sink function");
        return sink("Sink: Unnamed", p -> new LegacySinkOperator<>(p, sinkFunction));
    }

    private DataStreamSink<T> sink(String name, OperatorFactory<Void> factory) {
        OneInputTransformation<T, Void> t =
                new OneInputTransformation<>(transformation, name, factory, null, -1);
        configureTransformation(t);
        environment.addOperator(t);
        return new DataStreamSink<>(t);
    }

    // ------------------------------------------------------------------ plumbing

    /**
     * Adds a one-input operation on this stream, run by the operators {@code factory} creates; on a
     * {@link KeyedStream} the operation is keyed. Public for Brook's own integrations that bring
     * their own operators (the Python runtime), not for programs.
     */
    @Internal
    public <R> SingleOutputStreamOperator<R> transform(
            String name, TypeInformation<R> outputType, OperatorFactory<R> factory) {
        OneInputTransformation<T, R> t =
                new OneInputTransformation<>(transformation, name, factory, outputType, -1);
        configureTransformation(t);
        environment.addOperator(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** Lets keyed streams make a new operation keyed. */
    void configureTransformation(OneInputTransformation<T, ?> t) {}
}
