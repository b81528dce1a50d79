package dev.brook.runtime.plan;

import java.util.List;

/** Several streams of the same type read as one; not an operator itself. */
public final class UnionTransformation<T> extends Transformation<T> {

    private final List<Transformation<T>> inputs;

    public UnionTransformation(List<Transformation<T>> inputs) {
        super("Union", inputs.get(0).getOutputType(), inputs.get(0).getParallelism());
        for (Transformation<T> in : inputs) {
            if (!in.getOutputType().equals(getOutputType())) {
                throw new IllegalArgumentException(
                        "Cannot union streams of different types: "
                                + getOutputType()
                                + " and "
                                + in.getOutputType());
            }
        }
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.copyOf(inputs);
    }
}
