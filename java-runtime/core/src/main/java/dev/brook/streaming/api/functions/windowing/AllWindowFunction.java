package dev.brook.streaming.api.functions.windowing;

import dev.brook.api.common.functions.Function;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.util.Collector;

/** Evaluates a window of a non-keyed stream. */
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
