package dev.brook.streaming.runtime.operators;

import dev.brook.api.java.functions.KeySelector;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.streaming.runtime.tasks.StreamingRuntimeContext;

/**
 * Base of Brook's operators: holds the parameters, sets the key context for keyed inputs, and
 * forwards watermarks and watermark status downstream by default.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {

    protected final OperatorParameters<OUT> parameters;
    protected final Output<OUT> output;
    private final KeyedStateBackend<Object> keyedStateBackend;
    private final KeySelector<Object, Object> keySelector1;
    private final KeySelector<Object, Object> keySelector2;
    protected long currentWatermark = Long.MIN_VALUE;

    @SuppressWarnings("unchecked")
    protected AbstractStreamOperator(OperatorParameters<OUT> parameters) {
        this.parameters = parameters;
        this.output = parameters.output();
        this.keyedStateBackend = (KeyedStateBackend<Object>) parameters.keyedStateBackend();
        this.keySelector1 = (KeySelector<Object, Object>) parameters.keySelector1();
        this.keySelector2 = (KeySelector<Object, Object>) parameters.keySelector2();
    }

    public StreamingRuntimeContext getRuntimeContext() {
        return parameters.runtimeContext();
    }

    public String getOperatorName() {
        return parameters.operatorName();
    }

    protected KeyedStateBackend<Object> getKeyedStateBackend() {
        return keyedStateBackend;
    }

    public Object getCurrentKey() {
        return keyedStateBackend == null ? null : keyedStateBackend.getCurrentKey();
    }

    public void setCurrentKey(Object key) {
        keyedStateBackend.setCurrentKey(key);
    }

    protected boolean isKeyed1() {
        return keySelector1 != null;
    }

    protected boolean isKeyed2() {
        return keySelector2 != null;
    }

    protected void setKeyContextElement1(StreamRecord<?> record) throws Exception {
        if (keySelector1 != null) {
            keyedStateBackend.setCurrentKey(keySelector1.getKey(record.getValue()));
        }
    }

    protected void setKeyContextElement2(StreamRecord<?> record) throws Exception {
        if (keySelector2 != null) {
            keyedStateBackend.setCurrentKey(keySelector2.getKey(record.getValue()));
        }
    }

    /** Event time has advanced; the default forwards the watermark. */
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.timestamp();
        output.emitWatermark(mark);
    }

    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        output.emitWatermarkStatus(status);
    }

    public long getCurrentWatermark() {
        return currentWatermark;
    }
}
