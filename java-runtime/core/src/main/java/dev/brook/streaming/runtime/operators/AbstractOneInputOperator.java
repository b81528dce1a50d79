package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Base of single-input operators. */
public abstract class AbstractOneInputOperator<IN, OUT> extends AbstractStreamOperator<OUT>
        implements OneInputStreamOperator<IN, OUT> {

    protected AbstractOneInputOperator(OperatorParameters<OUT> parameters) {
        super(parameters);
    }

    @Override
    public void setKeyContextElement(StreamRecord<IN> record) throws Exception {
        setKeyContextElement1(record);
    }

    @Override
    public boolean isKeyed() {
        return isKeyed1();
    }
}
