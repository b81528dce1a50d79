package dev.brook.runtime.executiongraph.failover;

/**
 * Restarts a fixed number of times over the job's whole life, waiting the same delay before each
 * restart. Failures are simply counted, so the strategy needs no clock.
 */
public final class FixedDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

    private final int maxNumberRestartAttempts;
    private final long backoffTimeMS;
    private int failures;

    /**
     * @param maxNumberRestartAttempts restarts allowed, at least 0
     * @param backoffTimeMS delay before each restart, at least 0
     */
    public FixedDelayRestartBackoffTimeStrategy(int maxNumberRestartAttempts, long backoffTimeMS) {
        if (maxNumberRestartAttempts < 0) {
            throw new IllegalArgumentException(
                    "maxNumberRestartAttempts must be >= 0, got " + maxNumberRestartAttempts);
        }
        if (backoffTimeMS < 0) {
            throw new IllegalArgumentException("backoffTimeMS must be >= 0, got " + backoffTimeMS);
        }
        this.maxNumberRestartAttempts = maxNumberRestartAttempts;
        this.backoffTimeMS = backoffTimeMS;
    }

    @Override
    public boolean canRestart() {
        return failures <= maxNumberRestartAttempts;
    }

    @Override
    public long getBackoffTime() {
        return backoffTimeMS;
    }

    @Override
    public boolean notifyFailure(Throwable cause) {
        failures++;
        return true;
    }

    @Override
    public String toString() {
        return "FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts="
                + maxNumberRestartAttempts
                + ", backoffTimeMS="
                + backoffTimeMS
                + ")";
    }
}
