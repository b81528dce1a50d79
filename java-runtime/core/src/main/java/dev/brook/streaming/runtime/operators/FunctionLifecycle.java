package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.DefaultOpenContext;
import dev.brook.api.common.functions.Function;
import dev.brook.api.common.functions.RichFunction;
import dev.brook.api.common.functions.RuntimeContext;
import dev.brook.runtime.state.FunctionInitializationContext;
import dev.brook.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Starts and stops user functions: {@link RichFunction}s get their runtime context and are opened
 * and closed, {@link CheckpointedFunction}s initialize their state; plain functions need nothing.
 */
public final class FunctionLifecycle {

    private FunctionLifecycle() {}

    /**
     * Starts the user function of an operator, in Flink's order: the runtime context is set, then a
     * {@link CheckpointedFunction} initializes its state, then the function is opened (so {@code
     * open} can use the state, and {@code initializeState} the runtime context).
     */
    public static void open(
            Function function, RuntimeContext context, FunctionInitializationContext state)
            throws Exception {
        if (function instanceof RichFunction rich) {
            rich.setRuntimeContext(context);
        }
        if (function instanceof CheckpointedFunction checkpointed) {
            checkpointed.initializeState(state);
        }
        if (function instanceof RichFunction rich) {
            rich.open(DefaultOpenContext.INSTANCE);
        }
    }

    public static void close(Function function) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }
}
