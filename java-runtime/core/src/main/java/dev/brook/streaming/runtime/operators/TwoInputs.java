package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;

/**
 * The two {@link Input}s of a two-input operator, which combine their watermarks and watermark
 * statuses into the operator's event time. Two-input operators that cannot extend {@link
 * AbstractTwoInputOperator} use it directly.
 *
 * <p>As in Flink, the operator's event time is the minimum of the watermarks of the inputs that are
 * not idle (an idle input neither holds it back nor advances it), and the operator's output is idle
 * only while both inputs are: IDLE is forwarded when the second input goes idle, ACTIVE when one of
 * two idle inputs turns active.
 *
 * <p>Threading model: task thread only.
 */
public final class TwoInputs {

    private final AbstractStreamOperator<?> operator;
    private long input1Watermark = Long.MIN_VALUE;
    private long input2Watermark = Long.MIN_VALUE;
    private boolean input1Idle;
    private boolean input2Idle;

    /**
     * Combines the inputs of {@code operator}, whose {@code processWatermark} and {@code
     * processWatermarkStatus} receive the combined results.
     */
    public TwoInputs(AbstractStreamOperator<?> operator) {
        this.operator = operator;
    }

    /** How an input hands its records to the operator. */
    @FunctionalInterface
    public interface RecordProcessor<T> {
        void processElement(StreamRecord<T> element) throws Exception;
    }

    /**
     * Input {@code index} (1 or 2): records go to {@code records}; the key context is set by the
     * operator's key selector of that input, if it has one.
     */
    public <T> Input<T> input(int index, RecordProcessor<T> records) {
        if (index != 1 && index != 2) {
            throw new IllegalArgumentException("A two-input operator has inputs 1 and 2: " + index);
        }
        return new Side<>(index, records);
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
            operator.processWatermarkStatus(status);
        }
        advanceCombinedWatermark();
        if (!wasIdle && input1Idle && input2Idle) {
            operator.processWatermarkStatus(status);
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
        if (combined > operator.getCurrentWatermark()) {
            operator.processWatermark(new Watermark(combined));
        }
    }

    private final class Side<T> implements Input<T> {
        private final int index;
        private final RecordProcessor<T> records;

        Side(int index, RecordProcessor<T> records) {
            this.index = index;
            this.records = records;
        }

        @Override
        public void processElement(StreamRecord<T> element) throws Exception {
            records.processElement(element);
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
                operator.setKeyContextElement1(record);
            } else {
                operator.setKeyContextElement2(record);
            }
        }

        @Override
        public boolean isKeyed() {
            return index == 1 ? operator.isKeyed1() : operator.isKeyed2();
        }
    }
}
