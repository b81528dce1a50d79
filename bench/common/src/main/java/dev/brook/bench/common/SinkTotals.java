package dev.brook.bench.common;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark sinks saw, summed over all parallel sink instances of the job that ran last.
 *
 * <p>Each sink writer counts in plain fields on its task thread and adds them here once, when it is
 * closed, so the per-record path has no shared state. Both engines run their local cluster in the
 * benchmark's JVM, so a static is visible to the harness after {@code execute()} returns.
 */
public final class SinkTotals {

    private static final AtomicLong RECORDS = new AtomicLong();
    private static final AtomicLong CHECKSUM = new AtomicLong();

    private SinkTotals() {}

    /** Called once per sink writer, from its task thread, when the writer closes. */
    public static void add(long records, long checksum) {
        RECORDS.addAndGet(records);
        CHECKSUM.addAndGet(checksum);
    }

    static void reset() {
        RECORDS.set(0);
        CHECKSUM.set(0);
    }

    static long records() {
        return RECORDS.get();
    }

    static long checksum() {
        return CHECKSUM.get();
    }
}
