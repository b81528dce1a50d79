package dev.brook.runtime.plan;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import java.util.List;

/** An operator with two inputs; keyed when both have state key selectors. */
public final class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {

    private final Transformation<IN1> input1;
    private final Transformation<IN2> input2;
    private final OperatorFactory<OUT> operatorFactory;
    private KeySelector<IN1, ?> stateKeySelector1;
    private KeySelector<IN2, ?> stateKeySelector2;
    private TypeInformation<?> stateKeyType;

    public TwoInputTransformation(
            Transformation<IN1> input1,
            Transformation<IN2> input2,
            String name,
            OperatorFactory<OUT> operatorFactory,
            TypeInformation<OUT> outputType,
            int parallelism) {
        super(name, outputType, parallelism);
        this.input1 = input1;
        this.input2 = input2;
        this.operatorFactory = operatorFactory;
    }

    public Transformation<IN1> getInput1() {
        return input1;
    }

    public Transformation<IN2> getInput2() {
        return input2;
    }

    public OperatorFactory<OUT> getOperatorFactory() {
        return operatorFactory;
    }

    public KeySelector<IN1, ?> getStateKeySelector1() {
        return stateKeySelector1;
    }

    public KeySelector<IN2, ?> getStateKeySelector2() {
        return stateKeySelector2;
    }

    public TypeInformation<?> getStateKeyType() {
        return stateKeyType;
    }

    /** Keys the operator's state; {@code key2} is null when input 2 is not keyed (broadcast). */
    public void setStateKeySelectors(
            KeySelector<IN1, ?> key1, KeySelector<IN2, ?> key2, TypeInformation<?> keyType) {
        this.stateKeySelector1 = key1;
        this.stateKeySelector2 = key2;
        this.stateKeyType = keyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input1, input2);
    }
}
