package dev.brook.runtime.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the state of one checkpoint goes: a directory ({@code <dir>/<job id>/chk-<n>}) or, without
 * {@code execution.checkpointing.dir}, the JobManager's memory. Sent to every subtask with the
 * checkpoint's trigger; the path is a string because {@link Path} is not serializable.
 *
 * @param directory the checkpoint's directory, or null to keep state in memory
 */
public record CheckpointStorageLocation(String directory) implements Serializable {

    public static final CheckpointStorageLocation IN_MEMORY = new CheckpointStorageLocation(null);

    public boolean isInMemory() {
        return directory == null;
    }

    /** Stores {@code data}: as a new file in the directory, or as bytes in memory. */
    public StreamStateHandle write(byte[] data) throws IOException {
        if (directory == null) {
            return new ByteStreamStateHandle(data);
        }
        Path file = Path.of(directory, UUID.randomUUID().toString());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(data);
        }
        return new FileStateHandle(file.toString(), data.length);
    }
}
