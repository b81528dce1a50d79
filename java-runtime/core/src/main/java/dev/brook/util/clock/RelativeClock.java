package dev.brook.util.clock;

/**
 * A clock that measures elapsed time, not the time of day: only differences between two readings
 * mean something. Brook hands watermark generators the processing-time clock of their operator, so
 * that a test driving processing time by hand drives idleness detection too.
 */
public interface RelativeClock {

    long relativeTimeMillis();

    long relativeTimeNanos();
}
