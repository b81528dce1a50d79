package dev.brook.streaming.api.windowing.assigners;

import dev.brook.streaming.api.windowing.windows.Window;
import java.util.Collection;

/** An assigner whose windows can merge, such as session windows. */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

    private static final long serialVersionUID = 1L;

    /** Reports groups of {@code windows} that merge, and the window they merge into. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives each group of windows to merge and the window covering them. */
    @FunctionalInterface
    public interface MergeCallback<W> {
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
