package dev.brook.streaming.api.windowing.triggers;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.windowing.windows.Window;
import java.io.Serializable;
import java.time.Duration;

/**
 * What the continuous triggers share: the next fire time of a window, kept per key and window as
 * the minimum of the times registered (so that merging two windows keeps the earlier one), with a
 * timer in the trigger's time domain. Fire times are aligned to multiples of the interval and never
 * lie beyond the window's end.
 */
final class FireTimes implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long interval;
    private final TimeDomain domain;
    private final ReducingStateDescriptor<Long> descriptor =
            new ReducingStateDescriptor<>("fire-time", new Min(), Types.LONG);

    FireTimes(Duration interval, TimeDomain domain) {
        long millis = interval.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException(
                    "A continuous trigger needs an interval of at least 1 ms, got " + interval);
        }
        this.interval = millis;
        this.domain = domain;
    }

    long interval() {
        return interval;
    }

    /**
     * An element arrived: unless a fire is pending, schedules the first one, at the interval
     * boundary after the element's time in this domain (its timestamp, or the current processing
     * time).
     */
    void onElement(long timestamp, Window window, Trigger.TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(descriptor);
        if (fireTime.get() == null) {
            long time =
                    domain == TimeDomain.EVENT_TIME ? timestamp : ctx.getCurrentProcessingTime();
            scheduleNext(align(time), window, ctx, fireTime);
        }
    }

    /**
     * A timer of this domain fired at {@code time}: if it is the pending fire, schedules the next
     * one (none after a fire at the window's end, which would fire again at once) and returns true.
     */
    boolean fireIfDue(long time, Window window, Trigger.TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(descriptor);
        Long next = fireTime.get();
        if (next == null || next != time) {
            return false;
        }
        fireTime.clear();
        if (next(time, window) > time) {
            scheduleNext(time, window, ctx, fireTime);
        }
        return true;
    }

    /** Drops the pending fire of a window that is purged. */
    void clear(Trigger.TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(descriptor);
        Long next = fireTime.get();
        if (next != null) {
            if (domain == TimeDomain.EVENT_TIME) {
                ctx.deleteEventTimeTimer(next);
            } else {
                ctx.deleteProcessingTimeTimer(next);
            }
            fireTime.clear();
        }
    }

    /** Keeps the earliest pending fire of the merged windows, with a timer for it. */
    void onMerge(Trigger.OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(descriptor);
        Long next = ctx.getPartitionedState(descriptor).get();
        if (next != null) {
            register(next, ctx);
        }
    }

    private void scheduleNext(
            long time, Window window, Trigger.TriggerContext ctx, ReducingState<Long> state)
            throws Exception {
        long next = next(time, window);
        state.add(next);
        register(next, ctx);
    }

    private void register(long time, Trigger.TriggerContext ctx) {
        if (domain == TimeDomain.EVENT_TIME) {
            ctx.registerEventTimeTimer(time);
        } else {
            ctx.registerProcessingTimeTimer(time);
        }
    }

    /** The first interval boundary after {@code time}, but no later than the window's end. */
    private long next(long time, Window window) {
        long next = time + interval;
        return next < time || next > window.maxTimestamp() ? window.maxTimestamp() : next;
    }

    /** Rounds down to a multiple of the interval, as Flink does (towards zero). */
    private long align(long time) {
        return time - time % interval;
    }

    private static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return Math.min(a, b);
        }
    }
}
