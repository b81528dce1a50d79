package dev.brook.streaming.api.windowing.triggers;

import dev.brook.streaming.api.TimeDomain;
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

    private final FireTimes fireTimes;

    private ContinuousEventTimeTrigger(Duration interval) {
        this.fireTimes = new FireTimes(interval, TimeDomain.EVENT_TIME);
    }

    /** Fires every {@code interval} of event time, and at the window's end. */
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx)
            throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            // A late element for a window that is kept for its allowed lateness.
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        fireTimes.onElement(timestamp, window, ctx);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        return fireTimes.fireIfDue(time, window, ctx) ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        fireTimes.clear(ctx);
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        fireTimes.onMerge(ctx);
    }

    public long getInterval() {
        return fireTimes.interval();
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + fireTimes.interval() + ")";
    }
}
