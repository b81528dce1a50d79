package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.Function;

/**
 * A two-input operator around one user function, which it starts (runtime context, state
 * initialization, open) and closes; the two-input twin of {@link AbstractUdfOperator}.
 */
public abstract class AbstractTwoInputUdfOperator<IN1, IN2, OUT, F extends Function>
        extends AbstractTwoInputOperator<IN1, IN2, OUT> {

    protected final F userFunction;

    protected AbstractTwoInputUdfOperator(OperatorParameters<OUT> parameters, F userFunction) {
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
