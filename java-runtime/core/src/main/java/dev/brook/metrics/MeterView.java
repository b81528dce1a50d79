package dev.brook.metrics;

import dev.brook.annotation.PublicEvolving;

/**
 * A meter over a counter: every {@link View#UPDATE_INTERVAL_SECONDS} seconds it samples the count,
 * and the rate is the growth over the last {@code timeSpanInSeconds} (rounded to whole update
 * intervals, at least one) divided by that span. Marking an event only increments the counter, so
 * it costs what counting costs; the rate is reported after the first update.
 */
@PublicEvolving
public final class MeterView implements Meter, View {

    private final Counter counter;
    private final int timeSpanInSeconds;

    /** Samples of the count, one per update; {@code next} is overwritten by the next update. */
    private final long[] samples;

    private int next;
    private volatile double rate;

    public MeterView(int timeSpanInSeconds) {
        this(new SimpleCounter(), timeSpanInSeconds);
    }

    public MeterView(Counter counter) {
        this(counter, 60);
    }

    public MeterView(Counter counter, int timeSpanInSeconds) {
        this.counter = counter;
        int intervals = Math.max(1, timeSpanInSeconds / UPDATE_INTERVAL_SECONDS);
        this.timeSpanInSeconds = intervals * UPDATE_INTERVAL_SECONDS;
        this.samples = new long[intervals + 1];
    }

    @Override
    public void markEvent() {
        counter.inc();
    }

    @Override
    public void markEvent(long n) {
        counter.inc(n);
    }

    @Override
    public double getRate() {
        return rate;
    }

    @Override
    public long getCount() {
        return counter.getCount();
    }

    @Override
    public void update() {
        long now = counter.getCount();
        samples[next] = now;
        next = (next + 1) % samples.length;
        // samples[next] is now the oldest sample: timeSpanInSeconds ago (0 before that many).
        rate = (now - samples[next]) / (double) timeSpanInSeconds;
    }
}
