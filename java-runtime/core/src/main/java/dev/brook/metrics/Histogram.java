package dev.brook.metrics;

import dev.brook.annotation.PublicEvolving;

/** The distribution of long values, e.g. latencies. */
@PublicEvolving
public interface Histogram extends Metric {

    void update(long value);

    /** Values seen so far. */
    long getCount();

    /** Statistics of the values the histogram currently holds. */
    HistogramStatistics getStatistics();
}
