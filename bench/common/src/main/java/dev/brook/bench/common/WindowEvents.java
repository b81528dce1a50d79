package dev.brook.bench.common;

import java.util.BitSet;

/**
 * The event stream of the window benchmark: event {@code i} belongs to one of {@link #KEYS} keys
 * and has an event time that advances by one millisecond every {@link #EVENTS_PER_MILLI} events,
 * minus a pseudo-random delay of up to {@link #MAX_DELAY_MILLIS} (bounded disorder). A watermark
 * lagging {@code MAX_DELAY_MILLIS} behind the largest timestamp seen therefore never makes an event
 * late, on either engine, at any parallelism (each source subtask reads a contiguous range).
 */
public final class WindowEvents {

    public static final long KEYS = 100_000;
    public static final long EVENTS_PER_MILLI = 1_000;
    public static final long MAX_DELAY_MILLIS = 500;
    public static final long WINDOW_MILLIS = 1_000;

    private WindowEvents() {}

    public static long key(long event) {
        return Long.remainderUnsigned(mix(event), KEYS);
    }

    public static long timestamp(long event) {
        long delay = Long.remainderUnsigned(mix(event ^ 0x5DEECE66DL), MAX_DELAY_MILLIS);
        return Math.max(0, event / EVENTS_PER_MILLI - delay);
    }

    /**
     * Each (key, window) with at least one event emits one count, and the counts add up to the
     * number of events, since none is late.
     */
    public static Expectation expectation(long events) {
        long windows = (events / EVENTS_PER_MILLI) / WINDOW_MILLIS + 1;
        BitSet seen = new BitSet(Math.toIntExact(KEYS * windows));
        for (long e = 0; e < events; e++) {
            seen.set(Math.toIntExact(timestamp(e) / WINDOW_MILLIS * KEYS + key(e)));
        }
        return new Expectation((long) seen.cardinality(), events);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
