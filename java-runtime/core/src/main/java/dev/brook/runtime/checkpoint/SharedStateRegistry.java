package dev.brook.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts how many retained checkpoints reference each shared file (the SST files of incremental
 * RocksDB checkpoints, which one checkpoint uploads and later ones reference), and deletes a file
 * when the last checkpoint referencing it is discarded.
 *
 * <p>A file is known here once a completed checkpoint referenced it. Files that were uploaded for a
 * checkpoint that never completed are not, and {@link #discardUnregistered} deletes them: no other
 * checkpoint can reference them, because a backend only reuses files of checkpoints it heard
 * completed.
 *
 * <p>Threading model: the JobMaster's main thread, like the {@link CheckpointCoordinator}.
 */
final class SharedStateRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStateRegistry.class);

    /** Reference counts by absolute file path. */
    private final Map<String, Integer> references = new HashMap<>();

    /** A completed checkpoint references {@code files} (each once). */
    void register(Collection<FileStateHandle> files) {
        for (FileStateHandle file : files) {
            references.merge(key(file), 1, Integer::sum);
        }
    }

    /**
     * A checkpoint that referenced {@code files} (each once) was discarded; files no longer
     * referenced are deleted.
     */
    void release(Collection<FileStateHandle> files) {
        for (FileStateHandle file : files) {
            String key = key(file);
            Integer count = references.get(key);
            if (count == null) {
                continue;
            }
            if (count > 1) {
                references.put(key, count - 1);
            } else {
                references.remove(key);
                delete(file);
            }
        }
    }

    boolean isRegistered(FileStateHandle file) {
        return references.containsKey(key(file));
    }

    /**
     * Deletes those of {@code files} that no completed checkpoint references: they were uploaded
     * for a checkpoint that was aborted or acknowledged too late.
     */
    void discardUnregistered(Collection<FileStateHandle> files) {
        for (FileStateHandle file : files) {
            if (!isRegistered(file)) {
                delete(file);
            }
        }
    }

    private static String key(FileStateHandle file) {
        return file.filePath().toAbsolutePath().normalize().toString();
    }

    private static void delete(FileStateHandle file) {
        try {
            Files.deleteIfExists(file.filePath());
        } catch (IOException e) {
            LOG.warn("Could not delete shared checkpoint file {}: {}", file.path(), e.toString());
        }
    }
}
