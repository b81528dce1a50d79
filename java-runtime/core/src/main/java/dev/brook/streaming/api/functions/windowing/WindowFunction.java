package dev.brook.streaming.api.functions.windowing;

import dev.brook.api.common.functions.Function;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.util.Collector;

/** Evaluates a window of a keyed stream. */
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
