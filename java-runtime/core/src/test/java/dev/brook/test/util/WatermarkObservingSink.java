package dev.brook.test.util;

import dev.brook.api.common.eventtime.Watermark;
import dev.brook.api.connector.sink2.Sink;
import dev.brook.api.connector.sink2.SinkWriter;
import dev.brook.api.connector.sink2.WriterInitContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects what arrives (like {@link CollectingSink}) and reports every watermark its parallel
 * instance receives to a {@link WatermarkBarrier}, instance index as observer. Chained after an
 * operator, it sees each watermark after the operator has processed it.
 */
public final class WatermarkObservingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, ConcurrentLinkedQueue<Object>> RESULTS =
            new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final WatermarkBarrier barrier;

    public WatermarkObservingSink(WatermarkBarrier barrier) {
        this.barrier = barrier;
        RESULTS.put(id, new ConcurrentLinkedQueue<>());
    }

    @SuppressWarnings("unchecked")
    public List<T> getResults() {
        return new ArrayList<>(
                (ConcurrentLinkedQueue<T>) (ConcurrentLinkedQueue<?>) RESULTS.get(id));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        int subtask = context.getSubtaskId();
        ConcurrentLinkedQueue<Object> results = RESULTS.get(id);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                results.add(element);
            }

            @Override
            public void writeWatermark(Watermark watermark) {
                barrier.observe(subtask, watermark.getTimestamp());
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
