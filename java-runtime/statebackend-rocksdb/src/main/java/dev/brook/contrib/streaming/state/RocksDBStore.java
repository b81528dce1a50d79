package dev.brook.contrib.streaming.state;

import dev.brook.runtime.state.KeyedStateSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

/**
 * The embedded RocksDB of one keyed state backend, in a directory of its own, with a column family
 * per state. It owns every native object it creates and frees them, and the directory, on {@link
 * #close()}.
 *
 * <p>The write-ahead log is off: checkpoints, not RocksDB, make state durable, and the database is
 * never reopened. Every column family has a merge operator that appends the operand's bytes with no
 * delimiter, which list state uses (its elements are self-delimiting).
 *
 * <p>Threading model: task thread only.
 */
final class RocksDBStore implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final DBOptions dbOptions;
    private final StringAppendOperator appender;
    private final ColumnFamilyOptions columnOptions;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private int columnsCreated;
    private boolean closed;

    /** Opens a new database in a new directory under {@code workingDirectory}. */
    RocksDBStore(Path workingDirectory, String owner) throws IOException {
        Files.createDirectories(workingDirectory);
        directory =
                Files.createTempDirectory(
                        workingDirectory,
                        "rocksdb-" + owner.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        dbOptions =
                new DBOptions()
                        .setCreateIfMissing(true)
                        .setUseFsync(false)
                        .setStatsDumpPeriodSec(0)
                        .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL);
        appender = new StringAppendOperator("");
        columnOptions = new ColumnFamilyOptions().setMergeOperator(appender);
        writeOptions = new WriteOptions().setDisableWAL(true);
        try {
            db =
                    RocksDB.open(
                            dbOptions,
                            directory.toString(),
                            List.of(
                                    new ColumnFamilyDescriptor(
                                            RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions)),
                            handles);
        } catch (RocksDBException e) {
            closeOptions();
            deleteDirectory();
            throw new IOException(
                    "Cannot open RocksDB for the keyed state of "
                            + owner
                            + " in "
                            + directory
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** A new, empty column family holding entries as {@code layout} describes. */
    StateColumn createColumn(KeyedStateSnapshot.StateMeta layout) {
        checkOpen();
        // Names only need to be unique; the number keeps a rewritten state apart from the old one.
        byte[] name = (columnsCreated++ + "-" + layout.name()).getBytes(StandardCharsets.UTF_8);
        try {
            ColumnFamilyHandle handle =
                    db.createColumnFamily(new ColumnFamilyDescriptor(name, columnOptions));
            handles.add(handle);
            return new StateColumn(this, layout, handle);
        } catch (RocksDBException e) {
            throw failure("create a column family for", layout.name(), e);
        }
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

    /** A consistent view of the database as of now; release it with {@link #release}. */
    Snapshot snapshot() {
        checkOpen();
        return db.getSnapshot();
    }

    void release(Snapshot snapshot) {
        db.releaseSnapshot(snapshot);
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
        db.close();
        closeOptions();
        deleteDirectory();
    }

    private void closeOptions() {
        writeOptions.close();
        columnOptions.close();
        appender.close();
        dbOptions.close();
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the RocksDB directory " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "RocksDB in " + directory;
    }
}
