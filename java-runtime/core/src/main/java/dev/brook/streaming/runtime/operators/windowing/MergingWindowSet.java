package dev.brook.streaming.runtime.operators.windowing;

import dev.brook.api.common.state.ListState;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.streaming.api.windowing.assigners.MergingWindowAssigner;
import dev.brook.streaming.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The windows of one key under a merging assigner, each mapped to the window whose namespace holds
 * its state. When windows merge, the merged window keeps the state namespace of one of them, so
 * only the others' state has to be moved.
 */
final class MergingWindowSet<W extends Window> {

    /** Called when windows merge, to merge their state and triggers. */
    interface MergeFunction<W> {
        void merge(
                W mergeResult,
                Collection<W> mergedWindows,
                W stateWindowResult,
                Collection<W> mergedStateWindows)
                throws Exception;
    }

    private final MergingWindowAssigner<?, W> assigner;
    private final ListState<Tuple2<W, W>> persisted;
    private final Map<W, W> mapping = new HashMap<>();

    MergingWindowSet(MergingWindowAssigner<?, W> assigner, ListState<Tuple2<W, W>> persisted)
            throws Exception {
        this.assigner = assigner;
        this.persisted = persisted;
        for (Tuple2<W, W> t : persisted.get()) {
            mapping.put(t.f0, t.f1);
        }
    }

    void persist() throws Exception {
        List<Tuple2<W, W>> entries = new ArrayList<>(mapping.size());
        for (Map.Entry<W, W> e : mapping.entrySet()) {
            entries.add(new Tuple2<>(e.getKey(), e.getValue()));
        }
        persisted.update(entries);
    }

    W getStateWindow(W window) {
        return mapping.get(window);
    }

    void retireWindow(W window) {
        mapping.remove(window);
    }

    /** Adds {@code newWindow}, merging as the assigner says; returns the window it ended up in. */
    W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
        List<W> windows = new ArrayList<>(mapping.keySet());
        windows.add(newWindow);
        Map<W, Collection<W>> merges = new LinkedHashMap<>();
        assigner.mergeWindows(
                windows, (toBeMerged, result) -> merges.put(result, new ArrayList<>(toBeMerged)));

        W resultWindow = newWindow;
        boolean newWindowMerged = false;
        for (Map.Entry<W, Collection<W>> merge : merges.entrySet()) {
            W mergeResult = merge.getKey();
            Collection<W> merged = merge.getValue();
            if (merged.remove(newWindow)) {
                newWindowMerged = true;
                resultWindow = mergeResult;
            }
            if (merged.isEmpty()) {
                continue;
            }
            W keptStateWindow = mapping.get(merged.iterator().next());
            List<W> mergedStateWindows = new ArrayList<>();
            for (W w : merged) {
                W stateWindow = mapping.remove(w);
                if (stateWindow != null && !stateWindow.equals(keptStateWindow)) {
                    mergedStateWindows.add(stateWindow);
                }
            }
            mapping.put(mergeResult, keptStateWindow);
            if (!(merged.size() == 1 && merged.contains(mergeResult))) {
                mergeFunction.merge(mergeResult, merged, keptStateWindow, mergedStateWindows);
            }
        }
        if (!newWindowMerged) {
            mapping.put(newWindow, newWindow);
        }
        return resultWindow;
    }
}
