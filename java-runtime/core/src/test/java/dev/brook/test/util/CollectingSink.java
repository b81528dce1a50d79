package dev.brook.test.util;

import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A sink for tests on the MiniCluster: every parallel instance appends to one shared list,
 * identified by a per-sink id, so the test can read what arrived.
 */
public final class CollectingSink<T> implements SinkFunction<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, ConcurrentLinkedQueue<Object>> RESULTS =
            new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public CollectingSink() {
        RESULTS.put(id, new ConcurrentLinkedQueue<>());
    }

    @Override
    public void invoke(T value, Context context) {
        RESULTS.get(id).add(value);
    }

    @SuppressWarnings("unchecked")
    public List<T> getResults() {
        return new ArrayList<>(
                (ConcurrentLinkedQueue<T>) (ConcurrentLinkedQueue<?>) RESULTS.get(id));
    }
}
