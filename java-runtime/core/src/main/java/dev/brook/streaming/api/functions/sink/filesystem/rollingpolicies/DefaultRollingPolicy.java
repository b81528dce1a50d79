package dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies;

import dev.brook.configuration.MemorySize;
import java.io.Serializable;
import java.time.Duration;

/**
 * When to start a new part file: when it reaches a size, is older than the rollover interval, or
 * has not been written to for the inactivity interval.
 */
public final class DefaultRollingPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long partSize;
    private final long rolloverInterval;
    private final long inactivityInterval;

    private DefaultRollingPolicy(long partSize, long rolloverInterval, long inactivityInterval) {
        this.partSize = partSize;
        this.rolloverInterval = rolloverInterval;
        this.inactivityInterval = inactivityInterval;
    }

    public static PolicyBuilder builder() {
        return new PolicyBuilder();
    }

    public boolean shouldRoll(long size, long createdAt, long lastWrite, long now) {
        return size >= partSize
                || now - createdAt >= rolloverInterval
                || now - lastWrite >= inactivityInterval;
    }

    public long getMaxPartSize() {
        return partSize;
    }

    public long getRolloverInterval() {
        return rolloverInterval;
    }

    public long getInactivityInterval() {
        return inactivityInterval;
    }

    /** Defaults: 128 MiB, 60 s rollover, 60 s inactivity. */
    public static final class PolicyBuilder {
        private long partSize = 128L << 20;
        private long rolloverInterval = 60_000;
        private long inactivityInterval = 60_000;

        public PolicyBuilder withMaxPartSize(MemorySize size) {
            this.partSize = size.getBytes();
            return this;
        }

        public PolicyBuilder withRolloverInterval(Duration interval) {
            this.rolloverInterval = interval.toMillis();
            return this;
        }

        public PolicyBuilder withInactivityInterval(Duration interval) {
            this.inactivityInterval = interval.toMillis();
            return this;
        }

        public DefaultRollingPolicy build() {
            return new DefaultRollingPolicy(partSize, rolloverInterval, inactivityInterval);
        }
    }
}
