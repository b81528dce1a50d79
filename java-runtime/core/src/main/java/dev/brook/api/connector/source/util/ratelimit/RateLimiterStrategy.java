package dev.brook.api.connector.source.util.ratelimit;

import java.io.Serializable;

/** How fast a source may emit, in records per second across all its parallel readers. */
public final class RateLimiterStrategy implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double recordsPerSecond;

    private RateLimiterStrategy(double recordsPerSecond) {
        this.recordsPerSecond = recordsPerSecond;
    }

    public static RateLimiterStrategy perSecond(double recordsPerSecond) {
        if (!(recordsPerSecond > 0)) {
            throw new IllegalArgumentException(
                    "Records per second must be positive, got " + recordsPerSecond);
        }
        return new RateLimiterStrategy(recordsPerSecond);
    }

    public static RateLimiterStrategy noOp() {
        return new RateLimiterStrategy(Double.POSITIVE_INFINITY);
    }

    public boolean isLimited() {
        return recordsPerSecond != Double.POSITIVE_INFINITY;
    }

    public double recordsPerSecond() {
        return recordsPerSecond;
    }
}
