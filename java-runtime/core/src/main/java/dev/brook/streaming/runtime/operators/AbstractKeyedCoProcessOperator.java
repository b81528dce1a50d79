package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.Function;
import dev.brook.runtime.state.VoidNamespace;
import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.runtime.operators.timers.InternalTimer;
import dev.brook.streaming.runtime.operators.timers.KeyedTimerService;
import dev.brook.streaming.runtime.operators.timers.Triggerable;

/**
 * Base of the two-input operators whose function sets timers for the key of input 1: it owns the
 * user timer service and, while a timer fires, the firing timer and its time domain, which the
 * subclass's timer context reads. Output of an event-time timer carries the timer's time as
 * timestamp; output of a processing-time timer none.
 */
public abstract class AbstractKeyedCoProcessOperator<K, IN1, IN2, OUT, F extends Function>
        extends AbstractCoProcessOperator<IN1, IN2, OUT, F>
        implements Triggerable<K, VoidNamespace> {

    protected final TimerService timerService;
    private InternalTimer<K, VoidNamespace> firingTimer;
    private TimeDomain firingDomain;

    protected AbstractKeyedCoProcessOperator(OperatorParameters<OUT> parameters, F userFunction) {
        super(parameters, userFunction);
        this.timerService = new KeyedTimerService(getInternalTimerService("user-timers", this));
    }

    /**
     * Calls the function's {@code onTimer} with the timer context; the key of the timer is the
     * current key.
     */
    protected abstract void onTimer(long timestamp) throws Exception;

    @Override
    public final void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.timestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public final void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception {
        firingTimer = timer;
        firingDomain = domain;
        onTimer(timer.timestamp());
        firingTimer = null;
    }

    /** The time domain of the firing timer. */
    protected final TimeDomain timerDomain() {
        return firingDomain;
    }

    /** The key of the firing timer. */
    protected final K timerKey() {
        return firingTimer.key();
    }

    /** The timestamp of the output of the firing timer: its time for event time, else none. */
    protected final Long timerTimestamp() {
        return firingDomain == TimeDomain.EVENT_TIME ? firingTimer.timestamp() : null;
    }

    @SuppressWarnings("unchecked")
    protected final K currentKey() {
        return (K) getCurrentKey();
    }
}
