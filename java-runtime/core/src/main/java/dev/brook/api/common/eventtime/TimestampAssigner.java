package dev.brook.api.common.eventtime;

/** Extracts a record's event timestamp (milliseconds since the epoch). */
@FunctionalInterface
public interface TimestampAssigner<T> {
    /** The value sources use when a record has no timestamp of its own. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    long extractTimestamp(T element, long recordTimestamp);
}
