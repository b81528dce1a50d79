package dev.brook.api.connector.source;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * What a split enumerator can do: learn about readers, assign splits, and run work without blocking
 * its coordinator thread.
 */
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {

    int currentParallelism();

    Map<Integer, ReaderInfo> registeredReaders();

    void assignSplits(SplitsAssignment<SplitT> newSplitAssignments);

    default void assignSplit(SplitT split, int subtask) {
        assignSplits(new SplitsAssignment<>(split, subtask));
    }

    void signalNoMoreSplits(int subtask);

    void sendEventToSourceReader(int subtaskId, SourceEvent event);

    /** Runs {@code callable} on a worker thread; the handler runs on the coordinator thread. */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler);

    /** Like {@link #callAsync(Callable, BiConsumer)}, repeatedly every {@code period} ms. */
    <T> void callAsync(
            Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period);

    void runInCoordinatorThread(Runnable runnable);
}
