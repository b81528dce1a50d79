package dev.brook.streaming.api.windowing.assigners;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.brook.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.brook.streaming.api.windowing.triggers.Trigger;
import dev.brook.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Sessions: each element opens the window {@code [t, t + gap)}, and overlapping windows merge, so a
 * session ends after a gap of inactivity. Event time unless created through {@link
 * ProcessingTimeSessionWindows}.
 */
public class EventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final SessionWindowTimeGapExtractor<T> gap;
    private final boolean eventTime;

    EventTimeSessionWindows(SessionWindowTimeGapExtractor<T> gap, boolean eventTime) {
        this.gap = gap;
        this.eventTime = eventTime;
    }

    public static EventTimeSessionWindows<Object> withGap(Duration size) {
        long ms = positive(size.toMillis());
        return new EventTimeSessionWindows<>(e -> ms, true);
    }

    public static <T> EventTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> extractor) {
        return new EventTimeSessionWindows<>(extractor, true);
    }

    static long positive(long gapMillis) {
        if (gapMillis <= 0) {
            throw new IllegalArgumentException(
                    "A session gap must be positive, got " + gapMillis + " ms");
        }
        return gapMillis;
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            T element, long timestamp, WindowAssignerContext context) {
        long t = eventTime ? timestamp : context.getCurrentProcessingTime();
        if (eventTime && t == Long.MIN_VALUE) {
            throw new IllegalStateException(
                    "Record has no timestamp. Event-time session windows need timestamps: did you"
                            + " forget DataStream.assignTimestampsAndWatermarks(...)?");
        }
        long g = positive(gap.extract(element));
        return List.of(new TimeWindow(t, t + g));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger<T, TimeWindow>)
                (Trigger<?, TimeWindow>)
                        (eventTime ? EventTimeTrigger.create() : ProcessingTimeTrigger.create());
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer() {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return eventTime;
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public String toString() {
        return (eventTime ? "EventTime" : "ProcessingTime") + "SessionWindows";
    }
}
