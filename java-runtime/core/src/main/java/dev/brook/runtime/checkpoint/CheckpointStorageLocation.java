package dev.brook.runtime.checkpoint;

import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.core.memory.DataOutputView;
import dev.brook.core.memory.DataOutputViewStreamWrapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the state of one checkpoint goes: a directory ({@code <dir>/<job id>/chk-<n>}) or, without
 * {@code execution.checkpointing.dir}, the JobManager's memory. Sent to every subtask with the
 * checkpoint's trigger; the paths are strings because {@link Path} is not serializable.
 *
 * @param directory the checkpoint's directory, or null to keep state in memory
 * @param sharedDirectory where state that later checkpoints may reference goes ({@code <dir>/<job
 *     id>/shared}), or null when there is no such place: in memory, and for savepoints, which must
 *     stand alone
 */
public record CheckpointStorageLocation(String directory, String sharedDirectory)
        implements Serializable {

    private static final int WRITE_BUFFER = 64 * 1024;

    public static final CheckpointStorageLocation IN_MEMORY =
            new CheckpointStorageLocation(null, null);

    /** A savepoint's directory: it holds all of the savepoint's state. */
    public static CheckpointStorageLocation forSavepoint(Path directory) {
        return new CheckpointStorageLocation(directory.toString(), null);
    }

    /** A checkpoint's directory, and the job's directory of state shared between checkpoints. */
    public static CheckpointStorageLocation forCheckpoint(Path directory, Path sharedDirectory) {
        return new CheckpointStorageLocation(directory.toString(), sharedDirectory.toString());
    }

    public boolean isInMemory() {
        return directory == null;
    }

    /** Whether state may be stored once and referenced by later checkpoints (incrementally). */
    public boolean supportsSharedState() {
        return sharedDirectory != null;
    }

    /** Stores {@code data}: as a new file in the directory, or as bytes in memory. */
    public StreamStateHandle write(byte[] data) throws IOException {
        if (directory == null) {
            return new ByteStreamStateHandle(data);
        }
        return write(out -> out.write(data));
    }

    /**
     * Stores what {@code contents} writes: streamed into a new file in the directory, so that large
     * state is never copied into one array first, or collected as bytes in memory.
     */
    public StreamStateHandle write(Contents contents) throws IOException {
        if (directory == null) {
            DataOutputSerializer out = new DataOutputSerializer(4096);
            contents.writeTo(out);
            return new ByteStreamStateHandle(out.toByteArray());
        }
        Path file = Path.of(directory, UUID.randomUUID().toString());
        try (DataOutputViewStreamWrapper out =
                new DataOutputViewStreamWrapper(
                        new BufferedOutputStream(Files.newOutputStream(file), WRITE_BUFFER))) {
            contents.writeTo(out);
        }
        return new FileStateHandle(file.toString(), Files.size(file));
    }

    /** Bytes of state to store, written on demand by {@link #write(Contents)}. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(DataOutputView out) throws IOException;
    }
}
