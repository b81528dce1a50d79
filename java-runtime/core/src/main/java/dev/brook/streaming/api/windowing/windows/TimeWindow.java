package dev.brook.streaming.api.windowing.windows;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import dev.brook.streaming.api.windowing.assigners.MergingWindowAssigner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The time interval {@code [start, end)}. */
public final class TimeWindow extends Window {

    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long getStart() {
        return start;
    }

    public long getEnd() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of size {@code windowSize} (shifted by {@code offset}) that contains
     * {@code timestamp}.
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }

    /** Merges overlapping windows and reports each group of more than one window. */
    public static void mergeWindows(
            Collection<TimeWindow> windows,
            MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> Long.compare(a.start, b.start));
        List<TimeWindow> group = new ArrayList<>();
        TimeWindow cover = null;
        for (TimeWindow w : sorted) {
            if (cover == null) {
                cover = w;
                group.add(w);
            } else if (cover.intersects(w)) {
                cover = cover.cover(w);
                group.add(w);
            } else {
                if (group.size() > 1) {
                    callback.merge(group, cover);
                }
                group = new ArrayList<>();
                group.add(w);
                cover = w;
            }
        }
        if (group.size() > 1) {
            callback.merge(group, cover);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }

    /** Serializes time windows as two longs. */
    public static final class Serializer extends TypeSerializer<TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<TimeWindow> duplicate() {
            return this;
        }

        @Override
        public TimeWindow createInstance() {
            return null;
        }

        @Override
        public TimeWindow copy(TimeWindow from) {
            return from;
        }

        @Override
        public int getLength() {
            return 16;
        }

        @Override
        public void serialize(TimeWindow record, DataOutputView target) throws IOException {
            target.writeLong(record.start);
            target.writeLong(record.end);
        }

        @Override
        public TimeWindow deserialize(DataInputView source) throws IOException {
            return new TimeWindow(source.readLong(), source.readLong());
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof Serializer;
        }

        @Override
        public int hashCode() {
            return Serializer.class.hashCode();
        }
    }
}
