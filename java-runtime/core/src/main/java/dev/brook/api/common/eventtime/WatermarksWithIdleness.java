package dev.brook.api.common.eventtime;

import dev.brook.util.clock.RelativeClock;
import java.time.Duration;
import java.util.Objects;

/**
 * Adds idleness detection to another generator: when no record has arrived for the idle timeout,
 * the output is marked idle, so that operators downstream stop waiting for its watermarks (and
 * event time advances with the other inputs); the next record marks it active again.
 *
 * <p>Inactivity is judged in {@link #onPeriodicEmit} only, so it needs periodic emission ({@code
 * pipeline.auto-watermark-interval} above 0, as in Flink). The output goes idle between the timeout
 * and the timeout plus one emission interval after the last record. Records are only flagged, and
 * the clock is read once per periodic emission, so the per-record cost stays at one field write.
 *
 * <p>While idle, the wrapped generator's {@code onPeriodicEmit} is not called: a watermark it
 * emitted would make the output active again without any record.
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private final RelativeClock clock;
    private final long idleTimeoutMillis;

    /** A record arrived since the last periodic emission. */
    private boolean sawRecord;

    /** The clock's reading at the last periodic emission that followed records (or creation). */
    private long lastActivityMillis;

    private boolean idle;

    /**
     * @param watermarks the generator whose watermarks pass through while the input is active
     * @param idleTimeout how long without records makes the input idle; positive
     * @param clock measures inactivity; in Brook the operator's processing-time clock
     */
    public WatermarksWithIdleness(
            WatermarkGenerator<T> watermarks, Duration idleTimeout, RelativeClock clock) {
        this.watermarks = Objects.requireNonNull(watermarks, "watermarks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleTimeoutMillis = checkIdleTimeout(idleTimeout).toMillis();
        this.lastActivityMillis = clock.relativeTimeMillis();
    }

    static Duration checkIdleTimeout(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "The idle timeout must be positive, got " + idleTimeout + ".");
        }
        return idleTimeout;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        sawRecord = true;
        if (idle) {
            idle = false;
            output.markActive();
        }
        watermarks.onEvent(event, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.relativeTimeMillis();
        if (sawRecord) {
            sawRecord = false;
            lastActivityMillis = now;
        } else if (!idle && now - lastActivityMillis >= idleTimeoutMillis) {
            idle = true;
            output.markIdle();
        }
        if (!idle) {
            watermarks.onPeriodicEmit(output);
        }
    }
}
