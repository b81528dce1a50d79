package dev.brook.streaming.api.windowing;

import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.connector.source.ReaderOutput;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.core.io.InputStatus;
import dev.brook.test.util.SplitlessSource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An unbounded source where only subtask 0 has data: record {@code i} is {@code ("k" + i % 2, 10 *
 * i)}, one every {@link #PACE_MILLIS}, forever. The other subtasks never emit anything and never
 * finish, like partitions of a topic that nobody writes to.
 */
final class PacedSource extends SplitlessSource<Tuple2<String, Long>> {

    private static final long serialVersionUID = 1L;
    private static final long PACE_MILLIS = 2;
    private static final Map<String, AtomicLong> EMITTED = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    PacedSource() {
        super(Boundedness.CONTINUOUS_UNBOUNDED);
        EMITTED.put(id, new AtomicLong());
    }

    /** How many records subtask 0 has emitted so far. */
    long emitted() {
        return EMITTED.get(id).get();
    }

    @Override
    protected Reader<Tuple2<String, Long>> createReader(int subtask, int parallelism) {
        return subtask == 0 ? new PacedReader(EMITTED.get(id)) : new SilentReader();
    }

    private static final class PacedReader extends Reader<Tuple2<String, Long>> {
        private final AtomicLong emitted;
        private CompletableFuture<Void> next = CompletableFuture.completedFuture(null);

        PacedReader(AtomicLong emitted) {
            this.emitted = emitted;
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Tuple2<String, Long>> output) {
            if (!next.isDone()) {
                return InputStatus.NOTHING_AVAILABLE;
            }
            long i = emitted.get();
            output.collect(Tuple2.of("k" + i % 2, 10 * i));
            emitted.incrementAndGet();
            next =
                    CompletableFuture.runAsync(
                            () -> {},
                            CompletableFuture.delayedExecutor(PACE_MILLIS, TimeUnit.MILLISECONDS));
            return InputStatus.NOTHING_AVAILABLE;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return next;
        }
    }

    private static final class SilentReader extends Reader<Tuple2<String, Long>> {
        private final CompletableFuture<Void> never = new CompletableFuture<>();

        @Override
        public InputStatus pollNext(ReaderOutput<Tuple2<String, Long>> output) {
            return InputStatus.NOTHING_AVAILABLE;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return never;
        }
    }
}
