package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;

/**
 * Base of two-input operators: combines the two inputs' watermarks (the operator's event time is
 * the minimum of both) and exposes each input as an {@link Input}.
 */
public abstract class AbstractTwoInputOperator<IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {

    private long input1Watermark = Long.MIN_VALUE;
    private long input2Watermark = Long.MIN_VALUE;
    private final Input<IN1> input1;
    private final Input<IN2> input2;

    protected AbstractTwoInputOperator(OperatorParameters<OUT> parameters) {
        super(parameters);
        this.input1 = new Side<>(1);
        this.input2 = new Side<>(2);
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

    private void onWatermark(int input, Watermark mark) throws Exception {
        if (input == 1) {
            input1Watermark = mark.timestamp();
        } else {
            input2Watermark = mark.timestamp();
        }
        long combined = Math.min(input1Watermark, input2Watermark);
        if (combined > currentWatermark) {
            processWatermark(new Watermark(combined));
        }
    }

    private final class Side<T> implements Input<T> {
        private final int index;

        Side(int index) {
            this.index = index;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void processElement(StreamRecord<T> element) throws Exception {
            if (index == 1) {
                processElement1((StreamRecord<IN1>) element);
            } else {
                processElement2((StreamRecord<IN2>) element);
            }
        }

        @Override
        public void processWatermark(Watermark mark) throws Exception {
            onWatermark(index, mark);
        }

        @Override
        public void processWatermarkStatus(WatermarkStatus status) throws Exception {
            AbstractTwoInputOperator.this.processWatermarkStatus(status);
        }

        @Override
        public void setKeyContextElement(StreamRecord<T> record) throws Exception {
            if (index == 1) {
                setKeyContextElement1(record);
            } else {
                setKeyContextElement2(record);
            }
        }

        @Override
        public boolean isKeyed() {
            return index == 1 ? isKeyed1() : isKeyed2();
        }
    }
}
