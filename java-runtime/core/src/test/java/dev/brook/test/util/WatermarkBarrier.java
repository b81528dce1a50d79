package dev.brook.test.util;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a test source hold back until every parallel instance of a downstream operator has processed
 * a watermark: instances report the watermarks they see ({@link WatermarkObservingSink} chained
 * after the operator), and a reader gets a future that completes once all have reached a value.
 * Serialized copies share their state through a static registry, as the MiniCluster runs in the
 * test's JVM.
 */
public final class WatermarkBarrier implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, State> STATES = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    /**
     * @param observers how many parallel instances report watermarks
     */
    public WatermarkBarrier(int observers) {
        STATES.put(id, new State(observers));
    }

    /** Instance {@code observer} has processed {@code watermark}. */
    public void observe(int observer, long watermark) {
        List<CompletableFuture<Void>> released = STATES.get(id).observe(observer, watermark);
        released.forEach(f -> f.complete(null));
    }

    /** Completes once every instance has processed a watermark of at least {@code watermark}. */
    public CompletableFuture<Void> whenAllReached(long watermark) {
        return STATES.get(id).whenAllReached(watermark);
    }

    private static final class State {
        private final long[] observed;
        private final List<Waiting> waiting = new ArrayList<>();

        State(int observers) {
            observed = new long[observers];
            Arrays.fill(observed, Long.MIN_VALUE);
        }

        synchronized List<CompletableFuture<Void>> observe(int observer, long watermark) {
            observed[observer] = Math.max(observed[observer], watermark);
            long reached = Arrays.stream(observed).min().orElseThrow();
            List<CompletableFuture<Void>> released = new ArrayList<>();
            for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
                Waiting w = it.next();
                if (w.watermark <= reached) {
                    released.add(w.future);
                    it.remove();
                }
            }
            return released;
        }

        synchronized CompletableFuture<Void> whenAllReached(long watermark) {
            if (Arrays.stream(observed).min().orElseThrow() >= watermark) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            waiting.add(new Waiting(watermark, future));
            return future;
        }
    }

    private record Waiting(long watermark, CompletableFuture<Void> future) {}
}
