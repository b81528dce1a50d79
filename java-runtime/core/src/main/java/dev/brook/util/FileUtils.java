package dev.brook.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File-system helpers the engine shares. */
public final class FileUtils {

    private FileUtils() {}

    /**
     * Deletes {@code directory} and everything in it; nothing happens if it does not exist, and
     * files that vanish meanwhile (another thread deleting the same directory) are no error.
     */
    public static void deleteDirectory(Path directory) throws IOException {
        while (directory != null && Files.exists(directory)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(directory)) {
                files = walk.sorted(Comparator.reverseOrder()).toList();
            } catch (NoSuchFileException e) {
                continue; // a file vanished while the tree was listed: list what is left
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof NoSuchFileException) {
                    continue;
                }
                throw e.getCause();
            }
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** {@link #deleteDirectory}, for temporary directories: a failure leaves them behind. */
    public static void deleteDirectoryQuietly(Path directory) {
        try {
            deleteDirectory(directory);
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
