package dev.brook.runtime.executiongraph.failover;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Restarts with a backoff that starts at {@code initialBackoffMS} and is multiplied by {@code
 * backoffMultiplier} after every failure, up to {@code maxBackoffMS}. Each backoff is shifted by a
 * random jitter of up to {@code jitterFactor} times itself, so that many jobs failing together (a
 * lost dependency) do not all restart at the same moment; the result stays within [initial, max].
 *
 * <p>A job that runs for {@code resetBackoffThresholdMS} after its last restart without failing is
 * considered healthy again: the next failure starts over from the initial backoff and a fresh
 * attempt count. Without such a quiet period, the job fails after {@code
 * attemptsBeforeResetBackoff} restarts.
 *
 * <p>Failures that arrive while a restart is still pending (before its backoff has elapsed) belong
 * to the same incident: they are merged into that restart and do not count as attempts.
 */
public final class ExponentialDelayRestartBackoffTimeStrategy
        implements RestartBackoffTimeStrategy {

    private final long initialBackoffMS;
    private final long maxBackoffMS;
    private final double backoffMultiplier;
    private final long resetBackoffThresholdMS;
    private final double jitterFactor;
    private final int attemptsBeforeResetBackoff;
    private final LongSupplier clock;
    private final DoubleSupplier random;

    /** Attempts since the start or the last reset; the current backoff grows with it. */
    private int currentRestartAttempt;

    /** When the pending (or last) restart happens; meaningless while currentRestartAttempt is 0. */
    private long nextRestartTimestamp;

    /**
     * @param initialBackoffMS backoff before the first restart, at least 1
     * @param maxBackoffMS upper bound of the backoff, at least initialBackoffMS
     * @param backoffMultiplier growth factor per failure, at least 1
     * @param resetBackoffThresholdMS failure-free run time after which the backoff resets, at least
     *     1
     * @param jitterFactor fraction of the backoff used as random jitter, in [0, 1]
     * @param attemptsBeforeResetBackoff restarts allowed without a reset, at least 1
     * @param clock current time in milliseconds
     * @param random uniform values in [0, 1) for the jitter, e.g. {@code
     *     ThreadLocalRandom.current()::nextDouble}
     */
    public ExponentialDelayRestartBackoffTimeStrategy(
            long initialBackoffMS,
            long maxBackoffMS,
            double backoffMultiplier,
            long resetBackoffThresholdMS,
            double jitterFactor,
            int attemptsBeforeResetBackoff,
            LongSupplier clock,
            DoubleSupplier random) {
        if (initialBackoffMS < 1) {
            throw new IllegalArgumentException(
                    "initialBackoffMS must be >= 1, got " + initialBackoffMS);
        }
        if (maxBackoffMS < initialBackoffMS) {
            throw new IllegalArgumentException(
                    "maxBackoffMS ("
                            + maxBackoffMS
                            + ") must be >= initialBackoffMS ("
                            + initialBackoffMS
                            + ")");
        }
        if (!(backoffMultiplier >= 1)) {
            throw new IllegalArgumentException(
                    "backoffMultiplier must be >= 1, got " + backoffMultiplier);
        }
        if (resetBackoffThresholdMS < 1) {
            throw new IllegalArgumentException(
                    "resetBackoffThresholdMS must be >= 1, got " + resetBackoffThresholdMS);
        }
        if (!(jitterFactor >= 0 && jitterFactor <= 1)) {
            throw new IllegalArgumentException(
                    "jitterFactor must be within [0, 1], got " + jitterFactor);
        }
        if (attemptsBeforeResetBackoff < 1) {
            throw new IllegalArgumentException(
                    "attemptsBeforeResetBackoff must be >= 1, got " + attemptsBeforeResetBackoff);
        }
        this.initialBackoffMS = initialBackoffMS;
        this.maxBackoffMS = maxBackoffMS;
        this.backoffMultiplier = backoffMultiplier;
        this.resetBackoffThresholdMS = resetBackoffThresholdMS;
        this.jitterFactor = jitterFactor;
        this.attemptsBeforeResetBackoff = attemptsBeforeResetBackoff;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public boolean canRestart() {
        return currentRestartAttempt <= attemptsBeforeResetBackoff;
    }

    /** Time left until the pending restart, so a caller that asks late waits less. */
    @Override
    public long getBackoffTime() {
        if (currentRestartAttempt == 0) {
            throw new IllegalStateException("getBackoffTime() called before notifyFailure()");
        }
        return Math.max(0, nextRestartTimestamp - clock.getAsLong());
    }

    @Override
    public boolean notifyFailure(Throwable cause) {
        long now = clock.getAsLong();
        if (currentRestartAttempt > 0) {
            if (now <= nextRestartTimestamp) {
                return false;
            }
            if (now - nextRestartTimestamp >= resetBackoffThresholdMS) {
                currentRestartAttempt = 0;
            }
        }
        nextRestartTimestamp = now + backoffWithJitter();
        if (currentRestartAttempt < Integer.MAX_VALUE) {
            currentRestartAttempt++;
        }
        return true;
    }

    /**
     * initial * multiplier^attempt, capped at max before the jitter is applied so that the jitter
     * keeps spreading restarts once the backoff has reached its maximum.
     */
    private long backoffWithJitter() {
        double base =
                Math.min(
                        initialBackoffMS * Math.pow(backoffMultiplier, currentRestartAttempt),
                        maxBackoffMS);
        long backoff = (long) base;
        long offset = (long) (backoff * jitterFactor);
        // uniform in [-offset, offset]
        long jitter = (long) Math.floor(random.getAsDouble() * (2 * offset + 1)) - offset;
        return Math.max(initialBackoffMS, Math.min(backoff + jitter, maxBackoffMS));
    }

    @Override
    public String toString() {
        return "ExponentialDelayRestartBackoffTimeStrategy(initialBackoffMS="
                + initialBackoffMS
                + ", maxBackoffMS="
                + maxBackoffMS
                + ", backoffMultiplier="
                + backoffMultiplier
                + ", resetBackoffThresholdMS="
                + resetBackoffThresholdMS
                + ", jitterFactor="
                + jitterFactor
                + ", attemptsBeforeResetBackoff="
                + attemptsBeforeResetBackoff
                + ", currentRestartAttempt="
                + currentRestartAttempt
                + ")";
    }
}
