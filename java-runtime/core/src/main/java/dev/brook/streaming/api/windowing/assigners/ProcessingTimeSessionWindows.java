package dev.brook.streaming.api.windowing.assigners;

import java.time.Duration;

/** Session windows by processing time. */
public final class ProcessingTimeSessionWindows {

    private ProcessingTimeSessionWindows() {}

    public static EventTimeSessionWindows<Object> withGap(Duration size) {
        long ms = EventTimeSessionWindows.positive(size.toMillis());
        return new EventTimeSessionWindows<>(e -> ms, false);
    }

    public static <T> EventTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> extractor) {
        return new EventTimeSessionWindows<>(extractor, false);
    }
}
