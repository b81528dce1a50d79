package dev.brook.streaming.util;

import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.runtime.operators.OneInputStreamOperator;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;

/**
 * Runs one single-input operator without a cluster, for testing functions: feed elements and
 * watermarks, move processing time by hand, and read what the operator emitted to its main and side
 * outputs. Timers and state work as in a job (state TTL follows the harness's processing time).
 */
public class OneInputStreamOperatorTestHarness<IN, OUT>
        extends AbstractStreamOperatorTestHarness<OUT> {

    public OneInputStreamOperatorTestHarness(OperatorFactory<OUT> factory) {
        this(factory, null);
    }

    protected OneInputStreamOperatorTestHarness(
            OperatorFactory<OUT> factory, KeySelector<IN, ?> keySelector) {
        super(factory, keySelector, null);
    }

    @SuppressWarnings("unchecked")
    private OneInputStreamOperator<IN, OUT> input() {
        return (OneInputStreamOperator<IN, OUT>) operator();
    }

    public void processElement(IN value) throws Exception {
        processElement(new StreamRecord<>(value));
    }

    public void processElement(IN value, long timestamp) throws Exception {
        processElement(new StreamRecord<>(value, timestamp));
    }

    public void processElement(StreamRecord<IN> record) throws Exception {
        feed(input(), record);
    }

    /** Event time advances to {@code timestamp}; due event-time timers fire. */
    public void processWatermark(long timestamp) throws Exception {
        input().processWatermark(new Watermark(timestamp));
    }

    /** The input turns idle or active again, as a task's input does when all its channels idle. */
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        input().processWatermarkStatus(status);
    }
}
