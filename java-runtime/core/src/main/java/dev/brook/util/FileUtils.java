package dev.brook.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system helpers the engine shares. */
public final class FileUtils {

    private FileUtils() {}

    /**
     * Deletes {@code directory} and everything in it; nothing happens if it does not exist, and
     * files that vanish meanwhile are no error.
     */
    public static void deleteDirectory(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // deleted meanwhile
        }
    }

    /** {@link #deleteDirectory}, for temporary directories: a failure leaves them behind. */
    public static void deleteDirectoryQuietly(Path directory) {
        try {
            deleteDirectory(directory);
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
