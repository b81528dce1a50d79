package dev.brook.streaming.api.windowing.triggers;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.streaming.api.windowing.windows.Window;
import java.time.Duration;

/**
 * What the continuous triggers share: the next fire time of a window, kept as the minimum of the
 * times registered so that merging two windows keeps the earlier one.
 */
final class FireTimes {

    private FireTimes() {}

    static ReducingStateDescriptor<Long> descriptor() {
        return new ReducingStateDescriptor<>("fire-time", new Min(), Types.LONG);
    }

    static long checkInterval(Duration interval) {
        long millis = interval.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException(
                    "A continuous trigger needs an interval of at least 1 ms, got " + interval);
        }
        return millis;
    }

    /** The first interval boundary after {@code time}, but no later than the window's end. */
    static long next(long time, long interval, Window window) {
        long next = time + interval;
        return next < time || next > window.maxTimestamp() ? window.maxTimestamp() : next;
    }

    /** Rounds down to a multiple of {@code interval}, as Flink does (towards zero). */
    static long align(long time, long interval) {
        return time - time % interval;
    }

    private static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return Math.min(a, b);
        }
    }
}
