package dev.brook.metrics;

import dev.brook.annotation.PublicEvolving;

/**
 * A value read when it is reported, e.g. the size of a queue. It is called from the thread that
 * reports metrics, not the task's, so it must be safe to call from another thread.
 */
@PublicEvolving
@FunctionalInterface
public interface Gauge<T> extends Metric {

    T getValue();
}
