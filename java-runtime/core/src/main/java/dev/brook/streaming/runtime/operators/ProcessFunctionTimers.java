package dev.brook.streaming.runtime.operators;

import dev.brook.runtime.state.VoidNamespace;
import dev.brook.runtime.state.VoidNamespaceSerializer;
import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.runtime.operators.timers.InternalTimer;
import dev.brook.streaming.runtime.operators.timers.InternalTimerService;
import dev.brook.streaming.runtime.operators.timers.Triggerable;

/**
 * The timers of a keyed process function, one piece for the one- and two-input keyed process
 * operators (which cannot share a base class): the {@link TimerService} the function sets timers
 * for the current key through, and, while a timer fires, that timer and its time domain, which the
 * operator's on-timer context reads. Output of an event-time timer carries the timer's time as
 * timestamp; output of a processing-time timer none.
 *
 * <p>Only timers pass through here; the operators keep the per-record path themselves.
 *
 * <p>Threading model: task thread only.
 */
final class ProcessFunctionTimers<K> implements TimerService, Triggerable<K, VoidNamespace> {

    /** Calls the function's {@code onTimer}; the timer's key is the current key. */
    interface OnTimer {
        void onTimer(long timestamp) throws Exception;
    }

    private final InternalTimerService<K, VoidNamespace> timers;
    private final TimestampedCollector<?> collector;
    private final OnTimer onTimer;
    private InternalTimer<K, VoidNamespace> firingTimer;
    private TimeDomain firingDomain;

    ProcessFunctionTimers(
            AbstractStreamOperator<?> operator,
            TimestampedCollector<?> collector,
            OnTimer onTimer) {
        this.timers =
                operator.getInternalTimerService(
                        "user-timers", VoidNamespaceSerializer.INSTANCE, this);
        this.collector = collector;
        this.onTimer = onTimer;
    }

    @Override
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.timestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception {
        firingTimer = timer;
        firingDomain = domain;
        onTimer.onTimer(timer.timestamp());
        firingTimer = null;
    }

    /** The time domain of the firing timer. */
    TimeDomain firingDomain() {
        return firingDomain;
    }

    /** The key of the firing timer. */
    K firingKey() {
        return firingTimer.key();
    }

    /** The timestamp of the output of the firing timer: its time for event time, else none. */
    Long firingTimestamp() {
        return firingDomain == TimeDomain.EVENT_TIME ? firingTimer.timestamp() : null;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
}
