package dev.brook.streaming.util;

import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.runtime.operators.OperatorFactory;

/**
 * Runs the operator of a {@code BroadcastProcessFunction}: input 1 is the non-broadcast side, input
 * 2 the broadcast side. The harness is one parallel instance, so it sees every broadcast element.
 */
public class BroadcastOperatorTestHarness<IN1, IN2, OUT>
        extends TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> {

    public BroadcastOperatorTestHarness(OperatorFactory<OUT> factory) {
        this(factory, null);
    }

    /**
     * @param keySelector key of the non-broadcast input, or null when it is not keyed
     */
    protected BroadcastOperatorTestHarness(
            OperatorFactory<OUT> factory, KeySelector<IN1, ?> keySelector) {
        super(factory, keySelector, null);
    }

    public void processElement(IN1 value, long timestamp) throws Exception {
        processElement1(value, timestamp);
    }

    public void processBroadcastElement(IN2 value, long timestamp) throws Exception {
        processElement2(value, timestamp);
    }

    public void processWatermark(long timestamp) throws Exception {
        processWatermark1(timestamp);
    }

    public void processBroadcastWatermark(long timestamp) throws Exception {
        processWatermark2(timestamp);
    }

    /** The operator's broadcast state {@code descriptor} names, for inspection. */
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor)
            throws Exception {
        return getOperatorStateBackend().getBroadcastState(descriptor);
    }
}
