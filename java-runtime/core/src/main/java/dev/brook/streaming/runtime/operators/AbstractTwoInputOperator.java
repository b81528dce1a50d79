package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;

/**
 * Base of two-input operators: combines the two inputs' watermarks and watermark statuses, and
 * exposes each input as an {@link Input}.
 *
 * <p>As in Flink, the operator's event time is the minimum of the watermarks of the inputs that are
 * not idle (an idle input neither holds it back nor advances it), and the operator's output is idle
 * only while both inputs are: IDLE is forwarded when the second input goes idle, ACTIVE when one of
 * two idle inputs turns active.
 */
public abstract class AbstractTwoInputOperator<IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {

    private long input1Watermark = Long.MIN_VALUE;
    private long input2Watermark = Long.MIN_VALUE;
    private boolean input1Idle;
    private boolean input2Idle;
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
        advanceCombinedWatermark();
    }

    private void onWatermarkStatus(int input, WatermarkStatus status) throws Exception {
        boolean wasIdle = input1Idle && input2Idle;
        boolean idle = status == WatermarkStatus.IDLE;
        if (input == 1) {
            input1Idle = idle;
        } else {
            input2Idle = idle;
        }
        // Downstream ignores watermarks while the output is idle: ACTIVE goes out before the
        // watermark it may release, IDLE after the watermark released by the input going idle.
        if (wasIdle && !idle) {
            processWatermarkStatus(status);
        }
        advanceCombinedWatermark();
        if (!wasIdle && input1Idle && input2Idle) {
            processWatermarkStatus(status);
        }
    }

    private void advanceCombinedWatermark() throws Exception {
        long combined;
        if (input1Idle && input2Idle) {
            return;
        } else if (input1Idle) {
            combined = input2Watermark;
        } else if (input2Idle) {
            combined = input1Watermark;
        } else {
            combined = Math.min(input1Watermark, input2Watermark);
        }
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
            onWatermarkStatus(index, status);
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
