package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.Function;

/** A single-input operator around one user function, which it opens and closes. */
public abstract class AbstractUdfOperator<IN, OUT, F extends Function>
        extends AbstractOneInputOperator<IN, OUT> {

    protected final F userFunction;

    protected AbstractUdfOperator(OperatorParameters<OUT> parameters, F userFunction) {
        super(parameters);
        this.userFunction = userFunction;
    }

    @Override
    public void open() throws Exception {
        FunctionLifecycle.open(userFunction, getRuntimeContext());
    }

    @Override
    public void close() throws Exception {
        closeTimerServices();
        FunctionLifecycle.close(userFunction);
    }
}
