package dev.brook.api.connector.source;

import dev.brook.api.common.state.CheckpointListener;
import dev.brook.core.io.InputStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the records of the splits assigned to one parallel source instance.
 *
 * <p>Threading model: every method is called from the task thread and must not block; a reader that
 * waits for data returns {@link InputStatus#NOTHING_AVAILABLE} and completes the future of {@link
 * #isAvailable()} when data arrives (from its own I/O thread if it has one).
 *
 * <p>Lifecycle: {@link #start}; then {@link #pollNext}, {@link #addSplits}, {@link
 * #notifyNoMoreSplits} in any order; {@link #close} once.
 */
public interface SourceReader<T, SplitT extends SourceSplit>
        extends AutoCloseable, CheckpointListener {

    void start();

    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /**
     * The current position: the splits this reader holds, each describing where to resume, so that
     * a reader restored from them emits exactly the records after the last one emitted before this
     * call. The splits must not change afterwards, while this reader goes on (return immutable
     * values or copies); the caller serializes them at once.
     */
    List<SplitT> snapshotState(long checkpointId);

    CompletableFuture<Void> isAvailable();

    void addSplits(List<SplitT> splits);

    void notifyNoMoreSplits();

    default void handleSourceEvents(SourceEvent sourceEvent) {}

    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}
}
