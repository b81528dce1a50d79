package dev.brook.streaming.api.functions.co;

import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.runtime.state.KeyedStateFunction;
import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.TimerService;
import dev.brook.util.Collector;

/**
 * Processes a keyed stream connected with a broadcast stream. {@link #processElement} runs for one
 * key at a time: it reads and writes that key's keyed state, sets timers, and reads broadcast
 * state. {@link #processBroadcastElement} runs for no particular key: it changes broadcast state,
 * and can reach the keyed state of all keys of this parallel instance through {@link
 * Context#applyToKeyedState}.
 *
 * @param <KS> the key type of the keyed side
 * @param <IN1> the type of the keyed side
 * @param <IN2> the type of the broadcast side
 * @param <OUT> the output type
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>
        extends BaseBroadcastProcessFunction {

    private static final long serialVersionUID = 1L;

    /** Called for each element of the keyed side; broadcast state is read-only here. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out)
            throws Exception;

    /** Called for each element of the broadcast side, in every parallel instance. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out)
            throws Exception;

    /** Called when a timer set in {@link #processElement} (or a previous timer) fires. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** The context of {@link #processBroadcastElement}. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {

        /**
         * Calls {@code function} once for every key of this parallel instance that has a value in
         * the keyed state {@code stateDescriptor} names, with that state scoped to the key. The
         * function may read, change and clear the state.
         */
        public abstract <VS, S extends State> void applyToKeyedState(
                StateDescriptor<S, VS> stateDescriptor, KeyedStateFunction<KS, S> function)
                throws Exception;
    }

    /** The context of {@link #processElement}. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {

        /** Timers for the current key, and the current time. */
        public abstract TimerService timerService();

        /** The key of the element being processed. */
        public abstract KS getCurrentKey();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends ReadOnlyContext {

        public abstract TimeDomain timeDomain();

        /** The key of the firing timer. */
        @Override
        public abstract KS getCurrentKey();
    }
}
