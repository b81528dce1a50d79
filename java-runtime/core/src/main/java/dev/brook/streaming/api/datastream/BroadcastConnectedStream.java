package dev.brook.streaming.api.datastream;

import dev.brook.annotation.Internal;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.typeutils.TypeExtractor;
import dev.brook.runtime.plan.TwoInputTransformation;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.co.BroadcastProcessFunction;
import dev.brook.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.brook.streaming.runtime.operators.CoBroadcastWithKeyedOperator;
import dev.brook.streaming.runtime.operators.CoBroadcastWithNonKeyedOperator;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import java.util.List;
import java.util.Objects;

/**
 * A stream connected with a {@link BroadcastStream}: the first input keeps its partitioning (keyed
 * or not), the second reaches every parallel instance. Process it with a {@link
 * KeyedBroadcastProcessFunction} if the first input is keyed, else with a {@link
 * BroadcastProcessFunction}.
 */
public class BroadcastConnectedStream<IN1, IN2> {

    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> nonBroadcastStream;
    private final BroadcastStream<IN2> broadcastStream;

    BroadcastConnectedStream(
            StreamExecutionEnvironment environment,
            DataStream<IN1> nonBroadcastStream,
            BroadcastStream<IN2> broadcastStream) {
        this.environment = environment;
        this.nonBroadcastStream = nonBroadcastStream;
        this.broadcastStream = broadcastStream;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return nonBroadcastStream;
    }

    public BroadcastStream<IN2> getSecondInput() {
        return broadcastStream;
    }

    public TypeInformation<IN1> getType1() {
        return nonBroadcastStream.getType();
    }

    public TypeInformation<IN2> getType2() {
        return broadcastStream.getType();
    }

    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(
            KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function) {
        return process(
                function,
                TypeExtractor.getBinaryOperatorReturnType(
                        function,
                        KeyedBroadcastProcessFunction.class,
                        1,
                        2,
                        3,
                        getType1(),
                        getType2()));
    }

    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(
            KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function,
            TypeInformation<OUT> outTypeInfo) {
        Objects.requireNonNull(function, "keyed broadcast process function");
        if (!(nonBroadcastStream instanceof KeyedStream<IN1, ?> keyed)) {
            throw new IllegalStateException(
                    "A KeyedBroadcastProcessFunction can only be used on a keyed stream: call"
                            + " keyBy() on the non-broadcast stream before connect(), or use a"
                            + " BroadcastProcessFunction.");
        }
        List<MapStateDescriptor<?, ?>> descriptors = broadcastStream.getBroadcastStateDescriptors();
        TwoInputTransformation<IN1, IN2, OUT> t =
                transformation(
                        "Co-Process-Broadcast-Keyed",
                        outTypeInfo,
                        p -> new CoBroadcastWithKeyedOperator<>(p, function, descriptors));
        t.setStateKeySelectors(keyed.getKeySelector(), null, keyed.getKeyType());
        return add(t);
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(
            BroadcastProcessFunction<IN1, IN2, OUT> function) {
        return process(
                function,
                TypeExtractor.getBinaryOperatorReturnType(
                        function, BroadcastProcessFunction.class, 0, 1, 2, getType1(), getType2()));
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(
            BroadcastProcessFunction<IN1, IN2, OUT> function, TypeInformation<OUT> outTypeInfo) {
        Objects.requireNonNull(function, "broadcast process function");
        if (nonBroadcastStream instanceof KeyedStream) {
            throw new IllegalStateException(
                    "A BroadcastProcessFunction can only be used on a non-keyed stream; on a"
                            + " keyed stream use a KeyedBroadcastProcessFunction.");
        }
        List<MapStateDescriptor<?, ?>> descriptors = broadcastStream.getBroadcastStateDescriptors();
        return add(
                transformation(
                        "Co-Process-Broadcast",
                        outTypeInfo,
                        p -> new CoBroadcastWithNonKeyedOperator<>(p, function, descriptors)));
    }

    /**
     * Applies a two-input operator of the caller's own: input 1 is the non-broadcast stream (keyed
     * state and timers for its keys if it is keyed), input 2 the broadcast stream. The operator
     * registers the broadcast states it keeps itself. Public for Brook's own integrations that
     * bring their own operators (the Python runtime), not for programs.
     */
    @Internal
    public <OUT> SingleOutputStreamOperator<OUT> transform(
            String operatorName, TypeInformation<OUT> outTypeInfo, OperatorFactory<OUT> factory) {
        Objects.requireNonNull(factory, "operator factory");
        TwoInputTransformation<IN1, IN2, OUT> t =
                transformation(operatorName, outTypeInfo, factory);
        if (nonBroadcastStream instanceof KeyedStream<IN1, ?> keyed) {
            t.setStateKeySelectors(keyed.getKeySelector(), null, keyed.getKeyType());
        }
        return add(t);
    }

    private <OUT> TwoInputTransformation<IN1, IN2, OUT> transformation(
            String name, TypeInformation<OUT> outputType, OperatorFactory<OUT> factory) {
        return new TwoInputTransformation<>(
                nonBroadcastStream.getTransformation(),
                broadcastStream.getTransformation(),
                name,
                factory,
                outputType,
                -1);
    }

    private <OUT> SingleOutputStreamOperator<OUT> add(TwoInputTransformation<IN1, IN2, OUT> t) {
        environment.addOperator(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
