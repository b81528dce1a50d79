package dev.brook.streaming.runtime.operators;

/**
 * An operator with two inputs of possibly different types. Each input is exposed as an {@link
 * Input} so the task can drive both the same way.
 */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {

    Input<IN1> input1();

    Input<IN2> input2();

    /** Called once when the given input (1 or 2) has ended, before {@link #finish}. */
    default void endInput(int inputId) throws Exception {}
}
