package dev.brook.streaming.runtime.operators.timers;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.streaming.runtime.tasks.ProcessingTimeService;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledFuture;

/**
 * Event-time and processing-time timers of one keyed operator, per key and namespace. Registering
 * the same (time, key, namespace) twice keeps one timer. Event-time timers fire when a watermark
 * passes them; processing-time timers when the clock does, through one scheduled wake-up for the
 * earliest timer.
 *
 * <p>Threading model: task thread only; the wake-up arrives as mail.
 */
public final class InternalTimerService<K, N> {

    private static final Comparator<InternalTimer<?, ?>> BY_TIME =
            Comparator.comparingLong(InternalTimer::timestamp);

    private final KeyedStateBackend<K> keyContext;
    private final TypeSerializer<N> namespaceSerializer;
    private final ProcessingTimeService clock;
    private final Triggerable<K, N> target;
    private final PriorityQueue<InternalTimer<K, N>> eventTimers = new PriorityQueue<>(BY_TIME);
    private final PriorityQueue<InternalTimer<K, N>> processingTimers =
            new PriorityQueue<>(BY_TIME);
    private final HashSet<InternalTimer<K, N>> eventSet = new HashSet<>();
    private final HashSet<InternalTimer<K, N>> processingSet = new HashSet<>();
    private long currentWatermark = Long.MIN_VALUE;
    private ScheduledFuture<?> wakeUp;
    private long wakeUpTime = Long.MAX_VALUE;

    /** BATCH mode: processing-time timers are not fired, and event time ends per key. */
    private final boolean batch;

    /**
     * @param namespaceSerializer writes the timers' namespaces into checkpoints
     */
    public InternalTimerService(
            KeyedStateBackend<K> keyContext,
            TypeSerializer<N> namespaceSerializer,
            ProcessingTimeService clock,
            Triggerable<K, N> target,
            boolean batch) {
        this.keyContext = keyContext;
        this.namespaceSerializer = namespaceSerializer;
        this.clock = clock;
        this.target = target;
        this.batch = batch;
    }

    public long currentProcessingTime() {
        return clock.getCurrentProcessingTime();
    }

    public long currentWatermark() {
        return currentWatermark;
    }

    public void registerEventTimeTimer(N namespace, long time) {
        InternalTimer<K, N> timer =
                new InternalTimer<>(time, keyContext.getCurrentKey(), namespace);
        if (eventSet.add(timer)) {
            eventTimers.add(timer);
        }
    }

    public void deleteEventTimeTimer(N namespace, long time) {
        InternalTimer<K, N> timer =
                new InternalTimer<>(time, keyContext.getCurrentKey(), namespace);
        if (eventSet.remove(timer)) {
            eventTimers.remove(timer);
        }
    }

    public void registerProcessingTimeTimer(N namespace, long time) {
        if (batch) {
            return;
        }
        InternalTimer<K, N> timer =
                new InternalTimer<>(time, keyContext.getCurrentKey(), namespace);
        if (processingSet.add(timer)) {
            processingTimers.add(timer);
            if (time < wakeUpTime) {
                scheduleWakeUp(time);
            }
        }
    }

    public void deleteProcessingTimeTimer(N namespace, long time) {
        InternalTimer<K, N> timer =
                new InternalTimer<>(time, keyContext.getCurrentKey(), namespace);
        if (processingSet.remove(timer)) {
            processingTimers.remove(timer);
        }
    }

    private void scheduleWakeUp(long time) {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUpTime = time;
        wakeUp = clock.registerTimer(time, this::onProcessingTime);
    }

    private void onProcessingTime(long time) throws Exception {
        wakeUp = null;
        wakeUpTime = Long.MAX_VALUE;
        long now = Math.max(time, clock.getCurrentProcessingTime());
        InternalTimer<K, N> timer;
        while ((timer = processingTimers.peek()) != null && timer.timestamp() <= now) {
            processingTimers.poll();
            processingSet.remove(timer);
            keyContext.setCurrentKey(timer.key());
            target.onProcessingTime(timer);
        }
        if (timer != null && timer.timestamp() < wakeUpTime) {
            scheduleWakeUp(timer.timestamp());
        }
    }

    /** Fires the event-time timers up to {@code watermark}, in time order. */
    public void advanceWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        InternalTimer<K, N> timer;
        while ((timer = eventTimers.peek()) != null && timer.timestamp() <= watermark) {
            eventTimers.poll();
            eventSet.remove(timer);
            keyContext.setCurrentKey(timer.key());
            target.onEventTime(timer);
        }
    }

    /**
     * BATCH mode, after the last record of the current key: event time ends for the key, so all its
     * event-time timers fire (including those registered while firing); then event time starts over
     * for the next key.
     */
    public void endOfKey() throws Exception {
        advanceWatermark(Long.MAX_VALUE);
        currentWatermark = Long.MIN_VALUE;
    }

    public TypeSerializer<N> getNamespaceSerializer() {
        return namespaceSerializer;
    }

    /** The event-time timers, for a checkpoint; the set must not change while it is read. */
    Collection<InternalTimer<K, N>> eventTimers() {
        return eventSet;
    }

    /** The processing-time timers, for a checkpoint; the set must not change while it is read. */
    Collection<InternalTimer<K, N>> processingTimers() {
        return processingSet;
    }

    /** Adds a timer restored from a checkpoint (no key context needed). */
    void restoreEventTimer(InternalTimer<K, N> timer) {
        if (eventSet.add(timer)) {
            eventTimers.add(timer);
        }
    }

    /**
     * Adds a processing-time timer restored from a checkpoint; one whose time has passed fires at
     * the next wake-up, right after the task starts.
     */
    void restoreProcessingTimer(InternalTimer<K, N> timer) {
        if (batch) {
            return;
        }
        if (processingSet.add(timer)) {
            processingTimers.add(timer);
            if (timer.timestamp() < wakeUpTime) {
                scheduleWakeUp(timer.timestamp());
            }
        }
    }

    /** The event-time timers waiting to fire (for test harnesses). */
    public int numEventTimeTimers() {
        return eventSet.size();
    }

    /** The processing-time timers waiting to fire (for test harnesses). */
    public int numProcessingTimeTimers() {
        return processingSet.size();
    }

    /** The event-time timers of {@code key} waiting to fire (for test harnesses; a scan). */
    public int numEventTimeTimers(Object key) {
        return countOf(eventSet, key);
    }

    /** The processing-time timers of {@code key} waiting to fire (for test harnesses; a scan). */
    public int numProcessingTimeTimers(Object key) {
        return countOf(processingSet, key);
    }

    private static int countOf(Iterable<? extends InternalTimer<?, ?>> timers, Object key) {
        int n = 0;
        for (InternalTimer<?, ?> timer : timers) {
            if (Objects.equals(timer.key(), key)) {
                n++;
            }
        }
        return n;
    }

    /** Stops the processing-time wake-up; pending timers stay (they are state). */
    public void close() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
    }
}
