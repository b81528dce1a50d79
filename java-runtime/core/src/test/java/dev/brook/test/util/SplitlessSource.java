package dev.brook.test.util;

import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SourceSplit;
import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.core.io.SimpleVersionedSerializer;
import java.util.List;

/**
 * A test source without splits: each parallel reader decides from its subtask index what to emit,
 * so a test can give each subtask exactly the data (or none) it needs, in a fixed order.
 */
public abstract class SplitlessSource<T> implements Source<T, SplitlessSource.NoSplit, Void> {

    private static final long serialVersionUID = 1L;

    private final Boundedness boundedness;

    protected SplitlessSource(Boundedness boundedness) {
        this.boundedness = boundedness;
    }

    /** The reader of subtask {@code subtask}; it must not block. */
    protected abstract Reader<T> createReader(int subtask, int parallelism);

    @Override
    public Boundedness getBoundedness() {
        return boundedness;
    }

    @Override
    public SourceReader<T, NoSplit> createReader(SourceReaderContext context) {
        return createReader(context.getIndexOfSubtask(), context.currentParallelism());
    }

    @Override
    public SplitEnumerator<NoSplit, Void> createEnumerator(
            SplitEnumeratorContext<NoSplit> context) {
        return new NoSplitsEnumerator();
    }

    @Override
    public SplitEnumerator<NoSplit, Void> restoreEnumerator(
            SplitEnumeratorContext<NoSplit> context, Void checkpoint) {
        return new NoSplitsEnumerator();
    }

    @Override
    public SimpleVersionedSerializer<NoSplit> getSplitSerializer() {
        throw new UnsupportedOperationException("A splitless source has no splits to serialize");
    }

    @Override
    public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
        throw new UnsupportedOperationException("A splitless source has no checkpoint");
    }

    /** Never exists: the type parameter of a source without splits. */
    public interface NoSplit extends SourceSplit {}

    /** A reader that never asks for splits. */
    public abstract static class Reader<T> implements SourceReader<T, NoSplit> {
        @Override
        public void start() {}

        @Override
        public List<NoSplit> snapshotState(long checkpointId) {
            return List.of();
        }

        @Override
        public void addSplits(List<NoSplit> splits) {
            throw new IllegalStateException("A splitless source was given splits: " + splits);
        }

        @Override
        public void notifyNoMoreSplits() {}

        @Override
        public void close() {}
    }

    private static final class NoSplitsEnumerator implements SplitEnumerator<NoSplit, Void> {
        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {}

        @Override
        public void addSplitsBack(List<NoSplit> splits, int subtaskId) {}

        @Override
        public void addReader(int subtaskId) {}

        @Override
        public Void snapshotState(long checkpointId) {
            return null;
        }

        @Override
        public void close() {}
    }
}
