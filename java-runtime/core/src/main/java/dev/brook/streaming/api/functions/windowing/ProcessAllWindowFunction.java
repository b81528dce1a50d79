package dev.brook.streaming.api.functions.windowing;

import dev.brook.api.common.functions.AbstractRichFunction;
import dev.brook.api.common.state.KeyedStateStore;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;

/** Evaluates a window of a non-keyed stream with access to the window and state. */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window>
        extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out)
            throws Exception;

    public void clear(Context context) throws Exception {}

    /** What {@link #process} can see and do besides emitting. */
    public abstract class Context {
        public abstract W window();

        public abstract KeyedStateStore windowState();

        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
