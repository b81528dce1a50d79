package dev.brook.metrics;

import dev.brook.annotation.PublicEvolving;

/** Events and their rate per second. */
@PublicEvolving
public interface Meter extends Metric {

    void markEvent();

    void markEvent(long n);

    /** Events per second, averaged over the meter's time span. */
    double getRate();

    /** Events marked so far. */
    long getCount();
}
