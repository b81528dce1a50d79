package dev.brook.runtime.metrics;

import dev.brook.metrics.Histogram;
import dev.brook.metrics.HistogramStatistics;
import java.util.Arrays;

/**
 * A histogram over the last {@code windowSize} values (a ring buffer); statistics sort a copy. As
 * Flink's class of this name, it is the histogram to register when one is needed.
 */
public final class DescriptiveStatisticsHistogram implements Histogram {

    private final long[] window;
    private long count;

    public DescriptiveStatisticsHistogram(int windowSize) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be positive, was " + windowSize);
        }
        this.window = new long[windowSize];
    }

    @Override
    public synchronized void update(long value) {
        window[(int) (count % window.length)] = value;
        count++;
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public HistogramStatistics getStatistics() {
        long[] values;
        synchronized (this) {
            values = Arrays.copyOf(window, (int) Math.min(count, window.length));
        }
        Arrays.sort(values);
        return new Statistics(values);
    }

    /** Statistics of sorted values. */
    static final class Statistics extends HistogramStatistics {

        private final long[] sorted;

        Statistics(long[] sorted) {
            this.sorted = sorted;
        }

        @Override
        public double getQuantile(double quantile) {
            if (quantile < 0 || quantile > 1) {
                throw new IllegalArgumentException("A quantile is within [0, 1], was " + quantile);
            }
            if (sorted.length == 0) {
                return 0;
            }
            // Linear interpolation between the two closest ranks.
            double position = quantile * (sorted.length - 1);
            int lower = (int) Math.floor(position);
            int upper = Math.min(lower + 1, sorted.length - 1);
            return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
        }

        @Override
        public long[] getValues() {
            return sorted.clone();
        }

        @Override
        public int size() {
            return sorted.length;
        }

        @Override
        public double getMean() {
            if (sorted.length == 0) {
                return 0;
            }
            double sum = 0;
            for (long v : sorted) {
                sum += v;
            }
            return sum / sorted.length;
        }

        @Override
        public double getStdDev() {
            if (sorted.length < 2) {
                return 0;
            }
            double mean = getMean();
            double squares = 0;
            for (long v : sorted) {
                squares += (v - mean) * (v - mean);
            }
            return Math.sqrt(squares / (sorted.length - 1));
        }

        @Override
        public long getMax() {
            return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        }

        @Override
        public long getMin() {
            return sorted.length == 0 ? 0 : sorted[0];
        }
    }
}
