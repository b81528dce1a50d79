package dev.brook.runtime.executiongraph.failover;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Restarts as long as failures are rare: the job fails once more than {@code
 * maxFailuresPerInterval} failures fall within one sliding interval. Older failures age out, so a
 * job that fails now and then restarts forever.
 */
public final class FailureRateRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

    private final int maxFailuresPerInterval;
    private final long failuresIntervalMS;
    private final long backoffTimeMS;
    private final LongSupplier clock;

    /** Times of the most recent failures, oldest first; at most maxFailuresPerInterval + 1. */
    private final ArrayDeque<Long> failureTimestamps = new ArrayDeque<>();

    /**
     * @param maxFailuresPerInterval failures tolerated within one interval, at least 1
     * @param failuresIntervalMS length of the sliding interval, at least 1
     * @param backoffTimeMS delay before each restart, at least 0
     * @param clock current time in milliseconds
     */
    public FailureRateRestartBackoffTimeStrategy(
            int maxFailuresPerInterval,
            long failuresIntervalMS,
            long backoffTimeMS,
            LongSupplier clock) {
        if (maxFailuresPerInterval < 1) {
            throw new IllegalArgumentException(
                    "maxFailuresPerInterval must be >= 1, got " + maxFailuresPerInterval);
        }
        if (failuresIntervalMS < 1) {
            throw new IllegalArgumentException(
                    "failuresIntervalMS must be >= 1, got " + failuresIntervalMS);
        }
        if (backoffTimeMS < 0) {
            throw new IllegalArgumentException("backoffTimeMS must be >= 0, got " + backoffTimeMS);
        }
        this.maxFailuresPerInterval = maxFailuresPerInterval;
        this.failuresIntervalMS = failuresIntervalMS;
        this.backoffTimeMS = backoffTimeMS;
        this.clock = clock;
    }

    /**
     * False when the last {@code maxFailuresPerInterval + 1} failures all happened within the
     * interval ending now.
     */
    @Override
    public boolean canRestart() {
        if (failureTimestamps.size() <= maxFailuresPerInterval) {
            return true;
        }
        return clock.getAsLong() - failureTimestamps.getFirst() > failuresIntervalMS;
    }

    @Override
    public long getBackoffTime() {
        return backoffTimeMS;
    }

    @Override
    public boolean notifyFailure(Throwable cause) {
        if (failureTimestamps.size() > maxFailuresPerInterval) {
            failureTimestamps.removeFirst();
        }
        failureTimestamps.addLast(clock.getAsLong());
        return true;
    }

    @Override
    public String toString() {
        return "FailureRateRestartBackoffTimeStrategy(maxFailuresPerInterval="
                + maxFailuresPerInterval
                + ", failuresIntervalMS="
                + failuresIntervalMS
                + ", backoffTimeMS="
                + backoffTimeMS
                + ")";
    }
}
