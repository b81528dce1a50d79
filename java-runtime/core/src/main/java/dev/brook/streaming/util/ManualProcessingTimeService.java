package dev.brook.streaming.util;

import dev.brook.streaming.runtime.tasks.ProcessingTimeService;
import java.util.PriorityQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Processing time that moves only when a test says so. Callbacks due at or before the new time run,
 * in time order, on the calling thread inside {@link #advanceTo}.
 */
public final class ManualProcessingTimeService implements ProcessingTimeService {

    private long now;
    private long sequence;
    private final PriorityQueue<Scheduled> queue =
            new PriorityQueue<>(
                    (a, b) ->
                            a.time != b.time
                                    ? Long.compare(a.time, b.time)
                                    : Long.compare(a.sequence, b.sequence));

    @Override
    public long getCurrentProcessingTime() {
        return now;
    }

    @Override
    public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback) {
        return schedule(timestamp, 0, callback);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
            ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis) {
        return schedule(now + initialDelayMillis, periodMillis, callback);
    }

    private Scheduled schedule(long time, long period, ProcessingTimeCallback callback) {
        Scheduled s = new Scheduled(time, period, sequence++, callback);
        queue.add(s);
        return s;
    }

    /** Moves the clock to {@code time}, running every callback that has come due. */
    public void advanceTo(long time) throws Exception {
        if (time < now) {
            throw new IllegalArgumentException(
                    "Processing time cannot go back, from " + now + " to " + time);
        }
        Scheduled next;
        while ((next = queue.peek()) != null && next.time <= time) {
            queue.poll();
            if (next.cancelled) {
                continue;
            }
            now = Math.max(now, next.time);
            next.callback.onProcessingTime(next.time);
            if (next.period > 0 && !next.cancelled) {
                next.time += next.period;
                queue.add(next);
            }
        }
        now = time;
    }

    /** Callbacks still waiting (periodic ones count once). */
    public int numPending() {
        return (int) queue.stream().filter(s -> !s.cancelled).count();
    }

    private static final class Scheduled implements ScheduledFuture<Object> {
        long time;
        final long period;
        final long sequence;
        final ProcessingTimeCallback callback;
        boolean cancelled;

        Scheduled(long time, long period, long sequence, ProcessingTimeCallback callback) {
            this.time = time;
            this.period = period;
            this.sequence = sequence;
            this.callback = callback;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
