package dev.brook.contrib.streaming.state;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import dev.brook.runtime.checkpoint.FileStateHandle;
import dev.brook.runtime.state.IncrementalKeyedStateHandle;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateHandle;
import dev.brook.runtime.state.KeyedStateSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Incremental checkpoints of one RocksDB backend. The synchronous part writes a RocksDB checkpoint
 * of the database next to it (memtables flushed, SST files hard-linked: cheap). The asynchronous
 * part, on an I/O thread, uploads the SST files that no completed checkpoint of this backend has
 * uploaded into the job's shared directory under new unique names, references the others, and puts
 * the small remaining files inline into the checkpoint; then it deletes the local copy.
 *
 * <p>Only SST files of a checkpoint this backend heard completed ({@link
 * #notifyCheckpointComplete}) are reused: the JobMaster keeps them while a retained checkpoint
 * references them, whereas files of a checkpoint that never completes are deleted. A backend that
 * was restored uploads everything again on its first checkpoint, so it never depends on files
 * another job or attempt owns.
 *
 * <p>Where the checkpoint's location has no shared directory (savepoints, which must stand alone,
 * and checkpoints kept in the JobManager's memory) the asynchronous part reads the local copy into
 * the full, backend-independent form instead.
 *
 * <p>Threading model: {@link #snapshot}, {@link #notifyCheckpointComplete} and {@link
 * #notifyCheckpointAborted} run on the task thread, the returned {@link
 * KeyedStateBackend.PendingSnapshot#write} on an I/O thread; they share the bookkeeping of each
 * checkpoint under a lock, and each local copy has one owner at a time (the writer, or whoever
 * aborts it before the writer starts).
 */
final class RocksDBIncrementalSnapshots {

    private final String owner;
    private final KeyGroupRange keyGroupRange;
    private final Object lock = new Object();

    /** The SST files of the latest completed checkpoint, by name in the database. */
    private Map<String, FileStateHandle> confirmed = Map.of();

    /** Checkpoints taken and not yet completed or aborted, by id. */
    private final SortedMap<Long, Attempt> attempts = new TreeMap<>();

    private enum Status {
        TAKEN,
        WRITING,
        WRITTEN,
        ABORTED
    }

    /** One checkpoint's local copy and, once written, the SST files it references. */
    private static final class Attempt {
        final Path localCopy;
        Status status = Status.TAKEN;

        /** Null when written in the full form (a savepoint): it uploaded nothing to reuse. */
        Map<String, FileStateHandle> sstFiles;

        List<FileStateHandle> uploaded = List.of();

        Attempt(Path localCopy) {
            this.localCopy = localCopy;
        }
    }

    RocksDBIncrementalSnapshots(String owner, KeyGroupRange keyGroupRange) {
        this.owner = owner;
        this.keyGroupRange = keyGroupRange;
    }

    /**
     * The synchronous part of checkpoint {@code checkpointId}: a RocksDB checkpoint of {@code
     * store}, whose {@code columns} are every state it holds.
     */
    KeyedStateBackend.PendingSnapshot snapshot(
            long checkpointId,
            RocksDBStore store,
            List<StateColumn> columns,
            TypeSerializer<?> keySerializer)
            throws IOException {
        // Serializers are not thread-safe: the writer gets its own.
        List<IncrementalKeyedStateHandle.ColumnFamily> columnFamilies = new ArrayList<>();
        for (StateColumn column : columns) {
            columnFamilies.add(
                    new IncrementalKeyedStateHandle.ColumnFamily(
                            column.columnFamily(), column.layout().duplicate()));
        }
        TypeSerializer<?> keys = keySerializer.duplicate();
        Path localCopy =
                store.directory()
                        .resolveSibling(store.directory().getFileName() + "-chk-" + checkpointId);
        store.checkpointTo(localCopy);
        Attempt attempt = new Attempt(localCopy);
        Map<String, FileStateHandle> reusable;
        synchronized (lock) {
            reusable = confirmed;
            attempts.put(checkpointId, attempt);
        }
        return location -> write(checkpointId, attempt, reusable, columnFamilies, keys, location);
    }

    private KeyedStateHandle write(
            long checkpointId,
            Attempt attempt,
            Map<String, FileStateHandle> reusable,
            List<IncrementalKeyedStateHandle.ColumnFamily> columnFamilies,
            TypeSerializer<?> keySerializer,
            CheckpointStorageLocation location)
            throws IOException {
        synchronized (lock) {
            if (attempt.status == Status.ABORTED) {
                throw new IOException("Checkpoint " + checkpointId + " was aborted");
            }
            attempt.status = Status.WRITING;
        }
        List<FileStateHandle> uploaded = new ArrayList<>();
        KeyedStateHandle handle;
        try {
            if (location.supportsSharedState()) {
                handle = upload(attempt.localCopy, reusable, columnFamilies, location, uploaded);
            } else {
                handle = readFully(attempt.localCopy, columnFamilies, keySerializer);
            }
        } catch (IOException | RuntimeException e) {
            try {
                deleteAll(uploaded);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            synchronized (lock) {
                attempts.remove(checkpointId);
            }
            throw e;
        } finally {
            RocksDBStore.deleteDirectory(attempt.localCopy);
        }
        boolean aborted;
        synchronized (lock) {
            aborted = attempt.status == Status.ABORTED;
            if (!aborted) {
                attempt.status = Status.WRITTEN;
                attempt.uploaded = uploaded;
                if (handle instanceof IncrementalKeyedStateHandle incremental) {
                    attempt.sstFiles = incremental.sharedFiles();
                }
            }
        }
        if (aborted) {
            // Aborted while written: nobody else deletes what was uploaded.
            deleteAll(uploaded);
            throw new IOException("Checkpoint " + checkpointId + " was aborted");
        }
        return handle;
    }

    /**
     * Uploads the SST files of {@code localCopy} not in {@code reusable} into the location's shared
     * directory (adding each to {@code uploaded} at once, so a failure can delete it) and reads the
     * other files inline.
     */
    private IncrementalKeyedStateHandle upload(
            Path localCopy,
            Map<String, FileStateHandle> reusable,
            List<IncrementalKeyedStateHandle.ColumnFamily> columnFamilies,
            CheckpointStorageLocation location,
            List<FileStateHandle> uploaded)
            throws IOException {
        Path checkpointDirectory = Path.of(location.directory());
        Path sharedDirectory = Path.of(location.sharedDirectory());
        List<Path> files;
        try (Stream<Path> list = Files.list(localCopy)) {
            files = list.sorted().toList();
        }
        Map<String, FileStateHandle> sstFiles = new LinkedHashMap<>();
        Map<String, byte[]> privateFiles = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".sst")) {
                privateFiles.put(name, Files.readAllBytes(file));
                continue;
            }
            FileStateHandle previous = reusable.get(name);
            if (previous != null && previous.size() == Files.size(file)) {
                sstFiles.put(name, previous);
                continue;
            }
            if (!Files.isDirectory(checkpointDirectory)) {
                // Aborted and deleted by the JobMaster: nothing uploaded now would be cleaned up.
                throw new IOException(
                        "The directory of the checkpoint is gone (the checkpoint was aborted): "
                                + checkpointDirectory);
            }
            Path target = sharedDirectory.resolve(UUID.randomUUID() + ".sst");
            Files.copy(file, target);
            FileStateHandle handle = new FileStateHandle(target.toString(), Files.size(target));
            uploaded.add(handle);
            sstFiles.put(name, handle);
        }
        return new IncrementalKeyedStateHandle(
                keyGroupRange, columnFamilies, sstFiles, privateFiles);
    }

    /** Reads the local copy into the full form, for a location without shared state. */
    private KeyedStateSnapshot readFully(
            Path localCopy,
            List<IncrementalKeyedStateHandle.ColumnFamily> columnFamilies,
            TypeSerializer<?> keySerializer)
            throws IOException {
        try (RocksDBStore copy = RocksDBStore.open(localCopy, owner, true)) {
            List<StateColumn> columns = new ArrayList<>();
            for (IncrementalKeyedStateHandle.ColumnFamily c : columnFamilies) {
                columns.add(copy.column(c.name(), c.state()));
            }
            return RocksDBFullSnapshot.read(
                    columns, keyGroupRange, keySerializer, copy.totalOrder());
        }
    }

    /** Later checkpoints may reference the SST files checkpoint {@code checkpointId} uploaded. */
    void notifyCheckpointComplete(long checkpointId) {
        synchronized (lock) {
            Attempt attempt = attempts.get(checkpointId);
            if (attempt != null && attempt.status == Status.WRITTEN && attempt.sstFiles != null) {
                confirmed = attempt.sstFiles;
            }
            // Older ones were subsumed (their aborts came first), or, if they still complete, the
            // JobMaster cleans up after them: forgetting them only forgoes reusing their files.
            attempts.headMap(checkpointId + 1).values().removeIf(a -> a.status == Status.WRITTEN);
        }
    }

    /**
     * Checkpoint {@code checkpointId} will not complete: its local copy and the files it uploaded
     * are deleted (now, or by its writer when it is still at work).
     */
    void notifyCheckpointAborted(long checkpointId) throws IOException {
        Attempt attempt;
        Status before;
        synchronized (lock) {
            attempt = attempts.remove(checkpointId);
            if (attempt == null) {
                return;
            }
            before = attempt.status;
            attempt.status = Status.ABORTED;
        }
        if (before == Status.TAKEN) {
            RocksDBStore.deleteDirectory(attempt.localCopy);
        } else if (before == Status.WRITTEN) {
            deleteAll(attempt.uploaded);
        }
    }

    private static void deleteAll(List<FileStateHandle> files) throws IOException {
        for (FileStateHandle file : files) {
            Files.deleteIfExists(file.filePath());
        }
    }
}
