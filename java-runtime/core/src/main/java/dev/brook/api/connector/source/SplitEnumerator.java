package dev.brook.api.connector.source;

import dev.brook.api.common.state.CheckpointListener;
import java.io.IOException;
import java.util.List;

/**
 * Discovers a source's splits and hands them to readers. Runs in the JobMaster, one instance per
 * source, on a single coordinator thread.
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT>
        extends AutoCloseable, CheckpointListener {

    void start();

    /** A reader asked for a split. */
    void handleSplitRequest(int subtaskId, String requesterHostname);

    /** Splits come back from a failed reader and must be handed out again. */
    void addSplitsBack(List<SplitT> splits, int subtaskId);

    void addReader(int subtaskId);

    CheckpointT snapshotState(long checkpointId) throws Exception;

    @Override
    void close() throws IOException;

    default void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {}

    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}
}
