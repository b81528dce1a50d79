package dev.brook.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUtilsTest {

    @Test
    void deletesATreeAndToleratesAMissingDirectory(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("tree");
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/file.txt"), "x");
        Files.writeString(dir.resolve("top.txt"), "y");
        FileUtils.deleteDirectory(dir);
        assertThat(dir).doesNotExist();
        FileUtils.deleteDirectory(dir);
        FileUtils.deleteDirectory(null);
    }

    /** A worker's directory is deleted both when it stops and when its process exits. */
    @Test
    void twoThreadsDeletingTheSameTreeBothSucceed(@TempDir Path tmp) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                Path dir = tmp.resolve("tree" + round);
                for (int d = 0; d < 10; d++) {
                    Path sub = Files.createDirectories(dir.resolve("d" + d));
                    for (int f = 0; f < 20; f++) {
                        Files.writeString(sub.resolve("f" + f), "data");
                    }
                }
                Callable<Void> delete =
                        () -> {
                            FileUtils.deleteDirectory(dir);
                            return null;
                        };
                Future<Void> first = threads.submit(delete);
                Future<Void> second = threads.submit(delete);
                first.get();
                second.get();
                assertThat(dir).doesNotExist();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
