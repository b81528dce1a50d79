package dev.brook.streaming.util;

import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import dev.brook.streaming.runtime.operators.TwoInputStreamOperator;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;

/**
 * Runs one two-input operator without a cluster. The test decides how the two inputs interleave,
 * which a job on a cluster does not: that makes orders that are rare in a job easy to test.
 */
public class TwoInputStreamOperatorTestHarness<IN1, IN2, OUT>
        extends AbstractStreamOperatorTestHarness<OUT> {

    public TwoInputStreamOperatorTestHarness(OperatorFactory<OUT> factory) {
        this(factory, null, null);
    }

    /**
     * @param keySelector1 key of input 1, or null when it is not keyed
     * @param keySelector2 key of input 2, or null when it is not keyed
     */
    protected TwoInputStreamOperatorTestHarness(
            OperatorFactory<OUT> factory,
            KeySelector<IN1, ?> keySelector1,
            KeySelector<IN2, ?> keySelector2) {
        super(factory, keySelector1, keySelector2);
    }

    @SuppressWarnings("unchecked")
    private TwoInputStreamOperator<IN1, IN2, OUT> twoInput() {
        return (TwoInputStreamOperator<IN1, IN2, OUT>) operator();
    }

    public void processElement1(IN1 value, long timestamp) throws Exception {
        processElement1(new StreamRecord<>(value, timestamp));
    }

    public void processElement1(StreamRecord<IN1> record) throws Exception {
        feed(twoInput().input1(), record);
    }

    public void processElement2(IN2 value, long timestamp) throws Exception {
        processElement2(new StreamRecord<>(value, timestamp));
    }

    public void processElement2(StreamRecord<IN2> record) throws Exception {
        feed(twoInput().input2(), record);
    }

    /**
     * Input 1's watermark advances; the operator's event time is the minimum of the watermarks of
     * the inputs that are not idle.
     */
    public void processWatermark1(long timestamp) throws Exception {
        twoInput().input1().processWatermark(new Watermark(timestamp));
    }

    /**
     * Input 2's watermark advances; the operator's event time is the minimum of the watermarks of
     * the inputs that are not idle.
     */
    public void processWatermark2(long timestamp) throws Exception {
        twoInput().input2().processWatermark(new Watermark(timestamp));
    }

    /** Input 1 turns idle or active; the operator's output is idle only while both inputs are. */
    public void processWatermarkStatus1(WatermarkStatus status) throws Exception {
        twoInput().input1().processWatermarkStatus(status);
    }

    /** Input 2 turns idle or active; the operator's output is idle only while both inputs are. */
    public void processWatermarkStatus2(WatermarkStatus status) throws Exception {
        twoInput().input2().processWatermarkStatus(status);
    }

    public void processBothWatermarks(long timestamp) throws Exception {
        processWatermark1(timestamp);
        processWatermark2(timestamp);
    }
}
