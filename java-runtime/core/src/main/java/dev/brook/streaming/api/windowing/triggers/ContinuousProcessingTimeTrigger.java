package dev.brook.streaming.api.windowing.triggers;

import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of processing time, from its first element on, so a window
 * reports its current contents periodically by the wall clock.
 *
 * <p>Fire times are aligned to multiples of the interval: an element arriving at processing time
 * {@code t} into a window without a pending fire schedules one at {@code t - t % interval +
 * interval}; each fire schedules the next, never beyond the window's end. A fire at the window's
 * end schedules no other: scheduling the same time again would fire again at once, without end, for
 * an event-time window whose end the clock has passed. There is no extra fire at the end of
 * event-time windows (combine with the window's own trigger for that), as in Flink. The next fire
 * time is per key and window; merging windows keep the earliest.
 */
public final class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final FireTimes fireTimes;

    private ContinuousProcessingTimeTrigger(Duration interval) {
        this.fireTimes = new FireTimes(interval, TimeDomain.PROCESSING_TIME);
    }

    /** Fires every {@code interval} of processing time. */
    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(interval);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx)
            throws Exception {
        fireTimes.onElement(timestamp, window, ctx);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx)
            throws Exception {
        return fireTimes.fireIfDue(time, window, ctx) ? TriggerResult.FIRE : TriggerResult.CONTINUE;
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
        return "ContinuousProcessingTimeTrigger(" + fireTimes.interval() + ")";
    }
}
