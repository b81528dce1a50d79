package dev.brook.contrib.streaming.state;

import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.util.FileUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.HashSkipListMemTableConfig;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

/**
 * An embedded RocksDB in a directory of its own, with a column family per state: the database of a
 * keyed state backend, or a copy of one that a checkpoint or a restore reads. It owns every native
 * object it creates and frees them, and the directory, on {@link #close()}.
 *
 * <p>The write-ahead log is off: checkpoints, not RocksDB, make state durable. Every column family
 * has a merge operator that appends the operand's bytes with no delimiter, which list state uses
 * (its elements are self-delimiting); a database opened from checkpoint files gets the same one,
 * since unmerged list appends may still be in its files.
 *
 * <p>Tuned for point reads and updates of single entries, which is what state access is (a keyed
 * window does a read and a write per element). The memtable is a hash of small skip lists, one per
 * key's prefix (key group and key hash, {@link StateColumn#PREFIX_LENGTH} bytes): a lookup hashes
 * to its key's few entries instead of searching one skip list of every entry, a cache miss per
 * level. Entries are updated in place in the memtable when the new value is no larger, so a
 * frequently updated entry takes one memtable slot instead of one per version. Both need
 * single-threaded memtable writes, which a backend has anyway. The price: an iterator over all
 * entries (snapshots, listing a window's keys) first sorts the memtable; prefix iterators (a map's
 * entries, a key's entries) stay within their hash bucket. In-place updates make RocksDB snapshots
 * inconsistent under concurrent writes; the backend reads at a snapshot only on the task thread,
 * while nothing writes.
 *
 * <p>Threading model: one thread at a time — the task thread for a backend's database, an I/O
 * thread for a copy being read for a checkpoint.
 */
final class RocksDBStore implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    /**
     * Hash buckets of each memtable: 1 MiB of pointers, about one bucket per key up to a hundred
     * thousand keys per state and subtask; more keys share buckets, each a small skip list.
     */
    private static final int MEMTABLE_BUCKETS = 1 << 17;

    private final Path directory;
    private final DBOptions dbOptions;
    private final StringAppendOperator appender;
    private final ColumnFamilyOptions columnOptions;
    private final WriteOptions writeOptions;
    private final ReadOptions pointReads;
    private final ReadOptions totalOrder;
    private final ReadOptions prefixScans;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();

    /** The column families found when an existing database was opened, by name. */
    private final Map<String, ColumnFamilyHandle> existing = new HashMap<>();

    private int columnsCreated;
    private boolean closed;

    /** Opens a new, empty database in a new directory under {@code workingDirectory}. */
    static RocksDBStore create(Path workingDirectory, String owner) throws IOException {
        Files.createDirectories(workingDirectory);
        Path directory = Files.createTempDirectory(workingDirectory, directoryPrefix(owner));
        return new RocksDBStore(directory, owner, List.of(), false);
    }

    /**
     * Opens the database whose files are in {@code directory} (a restored or checkpointed copy),
     * with all its column families; the store owns the directory from now on, and deletes it on
     * close even if opening fails.
     */
    static RocksDBStore open(Path directory, String owner, boolean readOnly) throws IOException {
        List<byte[]> names;
        try (Options options = new Options()) {
            names = RocksDB.listColumnFamilies(options, directory.toString());
        } catch (RocksDBException e) {
            deleteDirectory(directory);
            throw new IOException(
                    "Cannot read the column families of the RocksDB files in "
                            + directory
                            + " (keyed state of "
                            + owner
                            + "): "
                            + e.getMessage(),
                    e);
        }
        List<byte[]> others = new ArrayList<>();
        for (byte[] name : names) {
            if (!new String(name, StandardCharsets.UTF_8).equals("default")) {
                others.add(name);
            }
        }
        return new RocksDBStore(directory, owner, others, readOnly);
    }

    /** How the directories of {@code owner}'s databases are named. */
    static String directoryPrefix(String owner) {
        return "rocksdb-" + owner.replaceAll("[^A-Za-z0-9._-]", "_") + "-";
    }

    private RocksDBStore(
            Path directory, String owner, List<byte[]> columnFamilies, boolean readOnly)
            throws IOException {
        this.directory = directory;
        dbOptions =
                new DBOptions()
                        .setCreateIfMissing(true)
                        .setUseFsync(false)
                        .setStatsDumpPeriodSec(0)
                        .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
                        .setAllowConcurrentMemtableWrite(false);
        appender = new StringAppendOperator("");
        columnOptions =
                new ColumnFamilyOptions()
                        .setMergeOperator(appender)
                        .useFixedLengthPrefixExtractor(StateColumn.PREFIX_LENGTH)
                        .setMemTableConfig(
                                new HashSkipListMemTableConfig().setBucketCount(MEMTABLE_BUCKETS))
                        .setInplaceUpdateSupport(true);
        writeOptions = new WriteOptions().setDisableWAL(true);
        pointReads = new ReadOptions();
        totalOrder = new ReadOptions().setTotalOrderSeek(true);
        prefixScans = new ReadOptions().setPrefixSameAsStart(true);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions));
        for (byte[] name : columnFamilies) {
            descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
        }
        try {
            db =
                    readOnly
                            ? RocksDB.openReadOnly(
                                    dbOptions, directory.toString(), descriptors, handles)
                            : RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            closeOptions();
            deleteDirectory(directory);
            throw new IOException(
                    "Cannot open RocksDB for the keyed state of "
                            + owner
                            + " in "
                            + directory
                            + ": "
                            + e.getMessage(),
                    e);
        }
        for (int i = 1; i < handles.size(); i++) {
            String name = new String(columnFamilies.get(i - 1), StandardCharsets.UTF_8);
            existing.put(name, handles.get(i));
            columnsCreated = Math.max(columnsCreated, columnNumber(name) + 1);
        }
    }

    /** The number a column family name starts with ({@link #createColumn} names them so). */
    private static int columnNumber(String name) {
        int dash = name.indexOf('-');
        try {
            return dash < 0 ? -1 : Integer.parseInt(name.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A new, empty column family holding entries as {@code layout} describes. */
    StateColumn createColumn(KeyedStateSnapshot.StateMeta layout) {
        checkOpen();
        // Names only need to be unique; the number keeps a rewritten state apart from the old one.
        String name = columnsCreated++ + "-" + layout.name();
        try {
            ColumnFamilyHandle handle =
                    db.createColumnFamily(
                            new ColumnFamilyDescriptor(
                                    name.getBytes(StandardCharsets.UTF_8), columnOptions));
            handles.add(handle);
            return new StateColumn(this, name, layout, handle);
        } catch (RocksDBException e) {
            throw failure("create a column family for", layout.name(), e);
        }
    }

    /**
     * The existing column family {@code name} (of an opened database), holding entries as {@code
     * layout} describes.
     */
    StateColumn column(String name, KeyedStateSnapshot.StateMeta layout) throws IOException {
        ColumnFamilyHandle handle = existing.get(name);
        if (handle == null) {
            throw new IOException(
                    "The RocksDB files in "
                            + directory
                            + " have no column family '"
                            + name
                            + "' for state '"
                            + layout.name()
                            + "': the snapshot's description does not match its files");
        }
        return new StateColumn(this, name, layout, handle);
    }

    /** Drops the column family and everything in it. */
    void dropColumn(StateColumn column) {
        try {
            db.dropColumnFamily(column.handle());
        } catch (RocksDBException e) {
            throw failure("drop the column family of", column.name(), e);
        }
        handles.remove(column.handle());
        column.handle().close();
    }

    RocksDB db() {
        return db;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    /** For single-entry reads. */
    ReadOptions pointReads() {
        return pointReads;
    }

    /** For iterators over all entries, in key order. */
    ReadOptions totalOrder() {
        return totalOrder;
    }

    /**
     * For iterators over the entries under one prefix of at least {@link StateColumn#PREFIX_LENGTH}
     * bytes; they end where that hash prefix ends.
     */
    ReadOptions prefixScans() {
        return prefixScans;
    }

    Path directory() {
        return directory;
    }

    /** A consistent view of the database as of now; release it with {@link #release}. */
    Snapshot snapshot() {
        checkOpen();
        return db.getSnapshot();
    }

    void release(Snapshot snapshot) {
        db.releaseSnapshot(snapshot);
    }

    /**
     * Writes a RocksDB checkpoint of the database as of now into {@code target} (which must not
     * exist): the memtables are flushed, and the SST files are hard links, so this is cheap.
     */
    void checkpointTo(Path target) throws IOException {
        checkOpen();
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(target.toString());
        } catch (RocksDBException e) {
            throw new IOException(
                    "RocksDB could not write a checkpoint of "
                            + directory
                            + " to "
                            + target
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Fails if the store is closed: RocksDB's native calls on a closed database would crash the JVM
     * rather than throw.
     */
    void checkOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "Keyed state was used after its backend was disposed (RocksDB in "
                            + directory
                            + " is closed)");
        }
    }

    RuntimeException failure(String operation, String state, RocksDBException e) {
        return new IllegalStateException(
                "RocksDB could not "
                        + operation
                        + " state '"
                        + state
                        + "' (in "
                        + directory
                        + "): "
                        + e.getMessage(),
                e);
    }

    /** Closes the database and deletes its directory; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        handles.forEach(ColumnFamilyHandle::close);
        handles.clear();
        existing.clear();
        db.close();
        closeOptions();
        try {
            deleteDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the RocksDB directory " + directory, e);
        }
    }

    private void closeOptions() {
        prefixScans.close();
        totalOrder.close();
        pointReads.close();
        writeOptions.close();
        columnOptions.close();
        appender.close();
        dbOptions.close();
    }

    /** Deletes {@code directory} and everything in it; nothing happens if it does not exist. */
    static void deleteDirectory(Path directory) throws IOException {
        FileUtils.deleteDirectory(directory);
    }

    @Override
    public String toString() {
        return "RocksDB in " + directory;
    }
}
