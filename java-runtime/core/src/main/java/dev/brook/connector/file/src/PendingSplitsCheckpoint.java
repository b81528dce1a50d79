package dev.brook.connector.file.src;

import dev.brook.core.fs.Path;
import java.util.Collection;
import java.util.List;

/**
 * The checkpoint of a {@link FileSource}'s enumerator: the splits not handed out yet and, when
 * monitoring continuously, every path already discovered, so a restored enumerator neither loses
 * nor re-reads a file.
 */
public final class PendingSplitsCheckpoint<SplitT extends FileSourceSplit> {

    private final List<SplitT> splits;
    private final List<Path> alreadyProcessedPaths;

    private PendingSplitsCheckpoint(Collection<SplitT> splits, Collection<Path> processedPaths) {
        this.splits = List.copyOf(splits);
        this.alreadyProcessedPaths = List.copyOf(processedPaths);
    }

    /** A checkpoint of copies of the given collections. */
    public static <T extends FileSourceSplit> PendingSplitsCheckpoint<T> fromCollectionSnapshot(
            Collection<T> splits) {
        return new PendingSplitsCheckpoint<>(splits, List.of());
    }

    /** A checkpoint of copies of the given collections. */
    public static <T extends FileSourceSplit> PendingSplitsCheckpoint<T> fromCollectionSnapshot(
            Collection<T> splits, Collection<Path> alreadyProcessedPaths) {
        return new PendingSplitsCheckpoint<>(splits, alreadyProcessedPaths);
    }

    /** The splits not assigned to a reader yet. */
    public Collection<SplitT> getSplits() {
        return splits;
    }

    /** The paths discovered so far, whether assigned or not; empty for a bounded source. */
    public Collection<Path> getAlreadyProcessedPaths() {
        return alreadyProcessedPaths;
    }

    @Override
    public String toString() {
        return "PendingSplitsCheckpoint{splits="
                + splits
                + ", alreadyProcessedPaths="
                + alreadyProcessedPaths
                + "}";
    }
}
