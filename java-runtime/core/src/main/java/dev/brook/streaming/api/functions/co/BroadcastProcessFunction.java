package dev.brook.streaming.api.functions.co;

import dev.brook.util.Collector;

/**
 * Processes a non-keyed stream connected with a broadcast stream: {@link #processBroadcastElement}
 * sees every broadcast element in every parallel instance and keeps what it needs in broadcast
 * state; {@link #processElement} sees the elements of its partition of the other stream and reads
 * that state.
 *
 * @param <IN1> the type of the non-broadcast side
 * @param <IN2> the type of the broadcast side
 * @param <OUT> the output type
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {

    private static final long serialVersionUID = 1L;

    /** Called for each element of the non-broadcast side; broadcast state is read-only here. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out)
            throws Exception;

    /** Called for each element of the broadcast side, in every parallel instance. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out)
            throws Exception;

    /** The context of {@link #processBroadcastElement}. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {}

    /** The context of {@link #processElement}. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {}
}
