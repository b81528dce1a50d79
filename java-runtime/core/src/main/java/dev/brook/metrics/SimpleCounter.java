package dev.brook.metrics;

import dev.brook.annotation.PublicEvolving;

/**
 * A counter for one thread: a plain field, as cheap as counting gets. Other threads (the metrics
 * queries) may read a slightly older count.
 */
@PublicEvolving
public final class SimpleCounter implements Counter {

    private long count;

    @Override
    public void inc() {
        count++;
    }

    @Override
    public void inc(long n) {
        count += n;
    }

    @Override
    public void dec() {
        count--;
    }

    @Override
    public void dec(long n) {
        count -= n;
    }

    @Override
    public long getCount() {
        return count;
    }
}
