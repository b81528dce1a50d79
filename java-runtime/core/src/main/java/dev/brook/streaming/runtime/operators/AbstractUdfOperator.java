package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.Function;

/**
 * A single-input operator around one user function, which it starts (runtime context, state
 * initialization, open) and closes.
 */
public abstract class AbstractUdfOperator<IN, OUT, F extends Function>
        extends AbstractOneInputOperator<IN, OUT> {

    protected final F userFunction;

    protected AbstractUdfOperator(OperatorParameters<OUT> parameters, F userFunction) {
        super(parameters);
        this.userFunction = userFunction;
    }

    @Override
    public void open() throws Exception {
        openUserFunction(userFunction);
    }

    @Override
    public void close() throws Exception {
        closeTimerServices();
        FunctionLifecycle.close(userFunction);
    }
}
