package dev.brook.streaming.api.datastream;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.api.java.typeutils.TypeExtractor;
import dev.brook.runtime.plan.TwoInputTransformation;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.co.CoFlatMapFunction;
import dev.brook.streaming.api.functions.co.CoMapFunction;
import dev.brook.streaming.api.functions.co.CoProcessFunction;
import dev.brook.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.brook.streaming.runtime.operators.CoProcessOperator;
import dev.brook.streaming.runtime.operators.CoStreamFlatMap;
import dev.brook.streaming.runtime.operators.CoStreamMap;
import dev.brook.streaming.runtime.operators.KeyedCoProcessOperator;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import java.util.Objects;

/**
 * Two streams, possibly of different types, processed together by one two-input operation. If both
 * are keyed (with keys of the same type), the operation has keyed state shared by both.
 */
public class ConnectedStreams<IN1, IN2> {

    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> input1;
    private final DataStream<IN2> input2;

    ConnectedStreams(
            StreamExecutionEnvironment environment,
            DataStream<IN1> input1,
            DataStream<IN2> input2) {
        this.environment = environment;
        this.input1 = input1;
        this.input2 = input2;
    }

    public DataStream<IN1> getFirstInput() {
        return input1;
    }

    public DataStream<IN2> getSecondInput() {
        return input2;
    }

    public TypeInformation<IN1> getType1() {
        return input1.getType();
    }

    public TypeInformation<IN2> getType2() {
        return input2.getType();
    }

    /** Keys both inputs, so that records with equal keys meet in the same parallel instance. */
    public <K> ConnectedStreams<IN1, IN2> keyBy(
            KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
        return new ConnectedStreams<>(
                environment, input1.keyBy(keySelector1), input2.keyBy(keySelector2));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper) {
        return map(
                coMapper,
                TypeExtractor.getBinaryOperatorReturnType(
                        coMapper, CoMapFunction.class, 0, 1, 2, getType1(), getType2()));
    }

    public <R> SingleOutputStreamOperator<R> map(
            CoMapFunction<IN1, IN2, R> coMapper, TypeInformation<R> outputType) {
        Objects.requireNonNull(coMapper, "co-map function");
        return transform("Co-Map", outputType, p -> new CoStreamMap<>(p, coMapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper) {
        return flatMap(
                coFlatMapper,
                TypeExtractor.getBinaryOperatorReturnType(
                        coFlatMapper, CoFlatMapFunction.class, 0, 1, 2, getType1(), getType2()));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(
            CoFlatMapFunction<IN1, IN2, R> coFlatMapper, TypeInformation<R> outputType) {
        Objects.requireNonNull(coFlatMapper, "co-flatMap function");
        return transform("Co-Flat Map", outputType, p -> new CoStreamFlatMap<>(p, coFlatMapper));
    }

    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> function) {
        return process(
                function,
                TypeExtractor.getBinaryOperatorReturnType(
                        function, CoProcessFunction.class, 0, 1, 2, getType1(), getType2()));
    }

    public <R> SingleOutputStreamOperator<R> process(
            CoProcessFunction<IN1, IN2, R> function, TypeInformation<R> outputType) {
        Objects.requireNonNull(function, "co-process function");
        return transform("Co-Process", outputType, p -> new CoProcessOperator<>(p, function));
    }

    public <K, R> SingleOutputStreamOperator<R> process(
            KeyedCoProcessFunction<K, IN1, IN2, R> function) {
        return process(
                function,
                TypeExtractor.extractTypeArgument(
                        function, KeyedCoProcessFunction.class, 3, null, getType1(), getType2()));
    }

    public <K, R> SingleOutputStreamOperator<R> process(
            KeyedCoProcessFunction<K, IN1, IN2, R> function, TypeInformation<R> outputType) {
        Objects.requireNonNull(function, "keyed co-process function");
        if (!(input1 instanceof KeyedStream) || !(input2 instanceof KeyedStream)) {
            throw new UnsupportedOperationException(
                    "A KeyedCoProcessFunction needs two keyed inputs: call keyBy on both streams"
                            + " (or on the connected streams) first.");
        }
        return transform(
                "KeyedCoProcess", outputType, p -> new KeyedCoProcessOperator<>(p, function));
    }

    private <R> SingleOutputStreamOperator<R> transform(
            String name, TypeInformation<R> outputType, OperatorFactory<R> factory) {
        boolean keyed1 = input1 instanceof KeyedStream;
        boolean keyed2 = input2 instanceof KeyedStream;
        if (keyed1 != keyed2) {
            throw new UnsupportedOperationException(
                    "Connected streams must be both keyed or both non-keyed; key the other input"
                            + " too.");
        }
        TwoInputTransformation<IN1, IN2, R> t =
                new TwoInputTransformation<>(
                        input1.getTransformation(),
                        input2.getTransformation(),
                        name,
                        factory,
                        outputType,
                        -1);
        if (keyed1) {
            KeyedStream<IN1, ?> k1 = (KeyedStream<IN1, ?>) input1;
            KeyedStream<IN2, ?> k2 = (KeyedStream<IN2, ?>) input2;
            if (!k1.getKeyType().equals(k2.getKeyType())) {
                throw new IllegalArgumentException(
                        "The keys of connected streams must have the same type: "
                                + k1.getKeyType()
                                + " and "
                                + k2.getKeyType());
            }
            t.setStateKeySelectors(k1.getKeySelector(), k2.getKeySelector(), k1.getKeyType());
        }
        environment.addOperator(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
