package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.DefaultOpenContext;
import dev.brook.api.common.functions.Function;
import dev.brook.api.common.functions.RichFunction;
import dev.brook.api.common.functions.RuntimeContext;

/** Opens and closes user functions that are {@link RichFunction}s; plain functions need nothing. */
public final class FunctionLifecycle {

    private FunctionLifecycle() {}

    public static void open(Function function, RuntimeContext context) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.setRuntimeContext(context);
            rich.open(DefaultOpenContext.INSTANCE);
        }
    }

    public static void close(Function function) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }
}
