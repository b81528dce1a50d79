package dev.brook.connector.file.src;

import dev.brook.api.connector.source.SourceSplit;
import dev.brook.connector.file.src.util.CheckpointedPosition;
import java.util.Objects;
import java.util.Optional;

/**
 * One file to read and, once a reader has checkpointed it, where to resume. Immutable: a reader's
 * progress becomes a new split through {@link #updateWithCheckpointedPosition}.
 */
public final class FileSourceSplit implements SourceSplit {

    private final String id;
    private final String path;
    private final CheckpointedPosition readerPosition;

    /** A split of a whole file, read from its start. */
    public FileSourceSplit(String id, String path) {
        this(id, path, null);
    }

    /**
     * @param readerPosition where to resume, or null to read from the start
     */
    public FileSourceSplit(String id, String path, CheckpointedPosition readerPosition) {
        this.id = Objects.requireNonNull(id);
        this.path = Objects.requireNonNull(path);
        this.readerPosition = readerPosition;
    }

    @Override
    public String splitId() {
        return id;
    }

    public String path() {
        return path;
    }

    /** Where a restored reader resumes; empty for a split not read yet. */
    public Optional<CheckpointedPosition> getReaderPosition() {
        return Optional.ofNullable(readerPosition);
    }

    /** This split, to be resumed at {@code position}. */
    public FileSourceSplit updateWithCheckpointedPosition(CheckpointedPosition position) {
        return new FileSourceSplit(id, path, position);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSourceSplit s
                && s.id.equals(id)
                && s.path.equals(path)
                && Objects.equals(s.readerPosition, readerPosition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, path, readerPosition);
    }

    @Override
    public String toString() {
        return "FileSourceSplit{"
                + id
                + ": "
                + path
                + (readerPosition == null ? "" : " @ " + readerPosition)
                + "}";
    }
}
