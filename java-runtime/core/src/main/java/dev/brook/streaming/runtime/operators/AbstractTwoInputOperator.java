package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/**
 * Base of two-input operators: combines the two inputs' watermarks and watermark statuses (see
 * {@link TwoInputs}), and exposes each input as an {@link Input}.
 */
public abstract class AbstractTwoInputOperator<IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {

    private final TwoInputs inputs = new TwoInputs(this);
    private final Input<IN1> input1 = inputs.input(1, this::processElement1);
    private final Input<IN2> input2 = inputs.input(2, this::processElement2);

    protected AbstractTwoInputOperator(OperatorParameters<OUT> parameters) {
        super(parameters);
    }

    protected abstract void processElement1(StreamRecord<IN1> element) throws Exception;

    protected abstract void processElement2(StreamRecord<IN2> element) throws Exception;

    @Override
    public Input<IN1> input1() {
        return input1;
    }

    @Override
    public Input<IN2> input2() {
        return input2;
    }
}
