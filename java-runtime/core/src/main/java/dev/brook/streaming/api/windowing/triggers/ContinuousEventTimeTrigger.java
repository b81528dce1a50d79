package dev.brook.streaming.api.windowing.triggers;

import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.streaming.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of event time while it is open, and once more when the
 * watermark passes its end, so long windows report early results that keep growing.
 *
 * <p>Fire times are aligned to multiples of the interval (epoch-based): the first element of a
 * window at timestamp {@code t} schedules a fire at {@code t - t % interval + interval}, and each
 * fire schedules the next, never beyond the window's end. A window that received nothing since its
 * last fire still fires, with the same contents, as in Flink. The next fire time is per key and
 * window; merging windows keep the earliest. Late elements within the allowed lateness fire the
 * window at once, as {@link EventTimeTrigger} does.
 */
public final class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long interval;
    private final ReducingStateDescriptor<Long> fireTimeDesc = FireTimes.descriptor();

    private ContinuousEventTimeTrigger(long interval) {
        this.interval = interval;
    }

    /** Fires every {@code interval} of event time, and at the window's end. */
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(FireTimes.checkInterval(interval));
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx)
            throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            // A late element for a window that is kept for its allowed lateness.
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDesc);
        if (fireTime.get() == null) {
            scheduleNext(FireTimes.align(timestamp, interval), window, ctx, fireTime);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDesc);
        Long next = fireTime.get();
        if (next != null && next == time) {
            fireTime.clear();
            scheduleNext(time, window, ctx, fireTime);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDesc);
        Long next = fireTime.get();
        if (next != null) {
            ctx.deleteEventTimeTimer(next);
            fireTime.clear();
        }
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(fireTimeDesc);
        Long next = ctx.getPartitionedState(fireTimeDesc).get();
        if (next != null) {
            ctx.registerEventTimeTimer(next);
        }
    }

    private void scheduleNext(long time, W window, TriggerContext ctx, ReducingState<Long> state)
            throws Exception {
        long next = FireTimes.next(time, interval, window);
        state.add(next);
        ctx.registerEventTimeTimer(next);
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval + ")";
    }
}
