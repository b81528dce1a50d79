package dev.brook.streaming.api.functions.windowing;

import dev.brook.api.common.functions.AbstractRichFunction;
import dev.brook.api.common.state.KeyedStateStore;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;

/** Evaluates a window of a keyed stream with access to the window, time, and state. */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window>
        extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void process(
            KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window is purged; delete per-window state here. */
    public void clear(Context context) throws Exception {}

    /** What {@link #process} can see and do besides emitting. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State of the current key and window. */
        public abstract KeyedStateStore windowState();

        /** State of the current key across all windows. */
        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
