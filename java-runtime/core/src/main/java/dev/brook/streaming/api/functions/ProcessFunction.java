package dev.brook.streaming.api.functions;

import dev.brook.api.common.functions.AbstractRichFunction;
import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.TimerService;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;

/**
 * The most general per-record function: sees each record with its timestamp, may emit any number of
 * records to the main output and to side outputs.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer fires (keyed streams only). */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What {@link #processElement} can see and do besides emitting. */
    public abstract class Context {
        /** The record's timestamp, or null if it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** What {@link #onTimer} can see and do besides emitting. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
