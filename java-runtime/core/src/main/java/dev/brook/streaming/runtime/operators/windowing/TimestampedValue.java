package dev.brook.streaming.runtime.operators.windowing;

import dev.brook.annotation.PublicEvolving;

/**
 * An element of a window together with its timestamp (if it has one), as evictors see it. Public
 * API despite its package, which is Flink's, so that evictors port by rewriting imports.
 */
@PublicEvolving
public final class TimestampedValue<T> {

    private final T value;
    private final long timestamp;
    private final boolean hasTimestamp;

    public TimestampedValue(T value) {
        this(value, Long.MIN_VALUE, false);
    }

    public TimestampedValue(T value, long timestamp) {
        this(value, timestamp, true);
    }

    private TimestampedValue(T value, long timestamp, boolean hasTimestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = hasTimestamp;
    }

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }
}
