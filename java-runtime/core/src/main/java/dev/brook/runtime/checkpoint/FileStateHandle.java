package dev.brook.runtime.checkpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** State bytes in a file. The path is a string because {@link Path} is not serializable. */
public record FileStateHandle(String path, long size) implements StreamStateHandle {

    public Path filePath() {
        return Path.of(path);
    }

    @Override
    public InputStream openInputStream() throws IOException {
        try {
            return new BufferedInputStream(Files.newInputStream(filePath()), 64 * 1024);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(
                    path, null, "the checkpoint's state file is missing (deleted or moved?)");
        }
    }

    @Override
    public long getStateSize() {
        return size;
    }

    @Override
    public void discardState() throws IOException {
        Files.deleteIfExists(filePath());
    }
}
