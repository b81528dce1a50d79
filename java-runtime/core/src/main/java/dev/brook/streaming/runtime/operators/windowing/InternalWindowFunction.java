package dev.brook.streaming.runtime.operators.windowing;

import dev.brook.api.common.functions.Function;
import dev.brook.api.common.state.KeyedStateStore;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;
import java.io.Serializable;

/**
 * The user's window function as the window operator calls it: with the window's contents as an
 * iterable (a single value for incremental aggregation), and the key and window.
 */
public interface InternalWindowFunction<IN, OUT, K, W extends Window> extends Serializable {

    /** Starts the user functions inside, each through {@code opener}. */
    void open(FunctionOpener opener) throws Exception;

    void close() throws Exception;

    void process(K key, W window, WindowContext context, Iterable<IN> input, Collector<OUT> out)
            throws Exception;

    /** The window is being purged; per-window state of the function is dropped. */
    default void clear(W window, WindowContext context) throws Exception {}

    /**
     * Starts one user function as the operator starts its own: runtime context, {@code
     * initializeState} for a {@code CheckpointedFunction}, then {@code open}.
     */
    @FunctionalInterface
    interface FunctionOpener {
        void open(Function function) throws Exception;
    }

    /** What the operator provides to a window function about the current window. */
    interface WindowContext {
        long currentProcessingTime();

        long currentWatermark();

        KeyedStateStore windowState();

        KeyedStateStore globalState();

        <X> void output(OutputTag<X> outputTag, X value);
    }
}
