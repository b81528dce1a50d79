package dev.brook.runtime.state;

import dev.brook.api.common.state.KeyedStateStore;
import dev.brook.api.common.state.OperatorStateStore;
import java.util.OptionalLong;

/** The {@link FunctionInitializationContext} an operator gives its user function. */
public final class DefaultFunctionInitializationContext implements FunctionInitializationContext {

    private final OperatorStateBackend operatorState;
    private final KeyedStateStore keyedState;

    /**
     * @param keyedState keyed state, or null when the operator does not run on a keyed stream
     */
    public DefaultFunctionInitializationContext(
            OperatorStateBackend operatorState, KeyedStateStore keyedState) {
        this.operatorState = operatorState;
        this.keyedState = keyedState;
    }

    @Override
    public OptionalLong getRestoredCheckpointId() {
        return operatorState.getRestoredCheckpointId();
    }

    @Override
    public OperatorStateStore getOperatorStateStore() {
        return operatorState;
    }

    @Override
    public KeyedStateStore getKeyedStateStore() {
        return keyedState;
    }
}
