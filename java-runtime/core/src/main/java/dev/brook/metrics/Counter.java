package dev.brook.metrics;

import dev.brook.annotation.PublicEvolving;

/** A count that goes up and down. */
@PublicEvolving
public interface Counter extends Metric {

    void inc();

    void inc(long n);

    void dec();

    void dec(long n);

    long getCount();
}
