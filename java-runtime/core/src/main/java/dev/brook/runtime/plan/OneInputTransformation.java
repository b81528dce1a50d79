package dev.brook.runtime.plan;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import java.util.List;

/** An operator with one input; keyed when it has a state key selector. */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {

    private final Transformation<IN> input;
    private final OperatorFactory<OUT> operatorFactory;
    private KeySelector<IN, ?> stateKeySelector;
    private TypeInformation<?> stateKeyType;

    public OneInputTransformation(
            Transformation<IN> input,
            String name,
            OperatorFactory<OUT> operatorFactory,
            TypeInformation<OUT> outputType,
            int parallelism) {
        super(name, outputType, parallelism);
        this.input = input;
        this.operatorFactory = operatorFactory;
    }

    public Transformation<IN> getInput() {
        return input;
    }

    public OperatorFactory<OUT> getOperatorFactory() {
        return operatorFactory;
    }

    public KeySelector<IN, ?> getStateKeySelector() {
        return stateKeySelector;
    }

    public TypeInformation<?> getStateKeyType() {
        return stateKeyType;
    }

    public void setStateKeySelector(KeySelector<IN, ?> keySelector, TypeInformation<?> keyType) {
        this.stateKeySelector = keySelector;
        this.stateKeyType = keyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
