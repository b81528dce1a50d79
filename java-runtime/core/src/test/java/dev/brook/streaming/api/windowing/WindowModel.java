package dev.brook.streaming.api.windowing;

import dev.brook.api.java.tuple.Tuple3;
import dev.brook.api.java.tuple.Tuple4;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an event-time window operator (default trigger, counting) must emit for an {@link
 * OutOfOrderScript}, worked out record by record, independently of Brook's code, from Flink's
 * documented semantics:
 *
 * <ul>
 *   <li>A window is late when its end - 1 plus the allowed lateness is at or before the watermark;
 *       a record is not added to late windows, and goes to the late side output when it was added
 *       to none and its timestamp plus the lateness is at or before the watermark.
 *   <li>A window fires (emits its count) when the watermark passes its end - 1, and again for every
 *       record added after that, until its end - 1 plus the lateness is passed and it is dropped.
 *   <li>Session windows of a record are {@code [ts, ts + gap)}; a record's window merges with every
 *       session it overlaps or touches.
 * </ul>
 *
 * The watermark while a round's records are processed is the one emitted after the previous round
 * (the source holds each round back until the window operator has seen that watermark).
 */
final class WindowModel {

    enum Kind {
        TUMBLING,
        SLIDING,
        SESSION
    }

    static final long TUMBLING_SIZE = 25;
    static final long SLIDING_SIZE = 30;
    static final long SLIDE = 10;
    static final long SESSION_GAP = 6;

    /** Firings {@code (key, window start, window end, count)}, in no particular order. */
    final List<Tuple4<String, Long, Long, Long>> firings = new ArrayList<>();

    /** Records that go to the late side output. */
    final List<Tuple3<String, Long, Integer>> late = new ArrayList<>();

    private final Kind kind;
    private final long lateness;
    private final Map<String, TreeMap<Long, Window>> windowsByKey = new HashMap<>();
    private long watermark = Long.MIN_VALUE;

    private WindowModel(Kind kind, long lateness) {
        this.kind = kind;
        this.lateness = lateness;
    }

    static WindowModel of(OutOfOrderScript script, Kind kind, long lateness) {
        WindowModel model = new WindowModel(kind, lateness);
        for (int r = 0; r < script.rounds(); r++) {
            for (int s = 0; s < script.splits(); s++) {
                for (Tuple3<String, Long, Integer> record : script.records.get(s).get(r)) {
                    model.process(record);
                }
            }
            model.advance(script.watermarks[r]);
        }
        model.advance(Long.MAX_VALUE);
        return model;
    }

    /** A window with contents: {@code [start, end)} and how many records it holds. */
    private static final class Window {
        final long start;
        long end;
        long count;

        Window(long start, long end) {
            this.start = start;
            this.end = end;
        }

        long maxTimestamp() {
            return end - 1;
        }
    }

    private boolean isLate(long maxTimestamp) {
        return maxTimestamp + lateness <= watermark;
    }

    private void process(Tuple3<String, Long, Integer> record) {
        TreeMap<Long, Window> windows =
                windowsByKey.computeIfAbsent(record.f0, k -> new TreeMap<>());
        boolean added =
                kind == Kind.SESSION
                        ? addToSession(record, windows)
                        : addToTimeWindows(record, windows);
        if (!added && record.f1 + lateness <= watermark) {
            late.add(record);
        }
    }

    private boolean addToTimeWindows(
            Tuple3<String, Long, Integer> record, TreeMap<Long, Window> windows) {
        long ts = record.f1;
        long size = kind == Kind.TUMBLING ? TUMBLING_SIZE : SLIDING_SIZE;
        long slide = kind == Kind.TUMBLING ? TUMBLING_SIZE : SLIDE;
        boolean added = false;
        for (long start = ts - Math.floorMod(ts, slide); start > ts - size; start -= slide) {
            if (isLate(start + size - 1)) {
                continue;
            }
            added = true;
            long end = start + size;
            Window w = windows.computeIfAbsent(start, s -> new Window(s, end));
            add(record.f0, w);
        }
        return added;
    }

    private boolean addToSession(
            Tuple3<String, Long, Integer> record, TreeMap<Long, Window> sessions) {
        long start = record.f1;
        long end = start + SESSION_GAP;
        List<Window> touched = new ArrayList<>();
        for (Window s : sessions.values()) {
            if (s.start <= end && s.end >= start) {
                touched.add(s);
            }
        }
        if (touched.isEmpty() && isLate(end - 1)) {
            return false;
        }
        Window merged = new Window(start, end);
        Window cover = merged;
        for (Window s : touched) {
            sessions.remove(s.start);
            cover = new Window(Math.min(cover.start, s.start), Math.max(cover.end, s.end));
            cover.count = merged.count + s.count;
            merged = cover;
        }
        if (isLate(merged.maxTimestamp())) {
            throw new IllegalStateException("a merge cannot make a session late: " + record);
        }
        sessions.put(merged.start, merged);
        add(record.f0, merged);
        return true;
    }

    /** Adds one record to {@code w}; a window the watermark has passed fires at once. */
    private void add(String key, Window w) {
        w.count++;
        if (w.maxTimestamp() <= watermark) {
            fire(key, w);
        }
    }

    private void fire(String key, Window w) {
        firings.add(Tuple4.of(key, w.start, w.end, w.count));
    }

    /** The watermark advances: windows whose end it passes fire, windows past lateness go. */
    private void advance(long newWatermark) {
        if (newWatermark <= watermark) {
            return;
        }
        long previous = watermark;
        watermark = newWatermark;
        for (Map.Entry<String, TreeMap<Long, Window>> e : windowsByKey.entrySet()) {
            e.getValue()
                    .values()
                    .removeIf(
                            w -> {
                                if (w.maxTimestamp() > previous && w.maxTimestamp() <= watermark) {
                                    fire(e.getKey(), w);
                                }
                                return isLate(w.maxTimestamp());
                            });
        }
    }
}
