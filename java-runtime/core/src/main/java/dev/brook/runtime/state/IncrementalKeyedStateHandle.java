package dev.brook.runtime.state;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import dev.brook.runtime.checkpoint.FileStateHandle;
import dev.brook.runtime.serialization.JavaSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The keyed state of one RocksDB backend instance as an incremental checkpoint stores it: the files
 * of a RocksDB checkpoint of its database. SST files are immutable and outlive many checkpoints, so
 * they are uploaded once into the job's {@code shared/} directory and referenced by every later
 * checkpoint that still contains them; the few other files (CURRENT, MANIFEST, OPTIONS, logs)
 * change every time and are kept in the checkpoint itself, inline.
 *
 * <p>Only the RocksDB backend can read this form: the bytes in the files are RocksDB's, written
 * with the serializers of {@link #columnFamilies()}. Savepoints never use it.
 *
 * @param keyGroupRange the key groups of the backend that wrote it
 * @param columnFamilies each state's column family and how its entries are written
 * @param sharedFiles the SST files, by their name in the database, and where they were uploaded
 * @param privateFiles the other files of the database, by name, with their contents
 */
public record IncrementalKeyedStateHandle(
        KeyGroupRange keyGroupRange,
        List<ColumnFamily> columnFamilies,
        Map<String, FileStateHandle> sharedFiles,
        Map<String, byte[]> privateFiles)
        implements KeyedStateHandle {

    /** One state: its RocksDB column family and the layout of its entries. */
    public record ColumnFamily(String name, KeyedStateSnapshot.StateMeta state) {}

    public IncrementalKeyedStateHandle {
        columnFamilies = List.copyOf(columnFamilies);
        sharedFiles = Collections.unmodifiableMap(new LinkedHashMap<>(sharedFiles));
        privateFiles = Collections.unmodifiableMap(new LinkedHashMap<>(privateFiles));
    }

    /** The shared files this handle references, each once. */
    public List<FileStateHandle> sharedState() {
        return List.copyOf(new LinkedHashSet<>(sharedFiles.values()));
    }

    /**
     * Writes the handle. Shared files are written by their file name only: the checkpoint's
     * metadata lists where they are ({@code OperatorSubtaskState#sharedState}), so that a moved job
     * directory stays readable.
     */
    public void write(DataOutputView out) throws IOException {
        out.writeInt(keyGroupRange.start());
        out.writeInt(keyGroupRange.end());
        out.writeInt(columnFamilies.size());
        for (ColumnFamily c : columnFamilies) {
            out.writeUTF(c.name());
        }
        byte[] states =
                JavaSerialization.serialize(
                        columnFamilies.stream()
                                .map(ColumnFamily::state)
                                .toArray(KeyedStateSnapshot.StateMeta[]::new),
                        "state descriptions of an incremental snapshot");
        out.writeInt(states.length);
        out.write(states);
        out.writeInt(sharedFiles.size());
        for (Map.Entry<String, FileStateHandle> e : sharedFiles.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue().filePath().getFileName().toString());
        }
        out.writeInt(privateFiles.size());
        for (Map.Entry<String, byte[]> e : privateFiles.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
    }

    /**
     * Reads a handle; serializer classes are resolved with {@code classLoader}, shared files by
     * their file name in {@code sharedState} (the handles the checkpoint's metadata lists).
     */
    public static IncrementalKeyedStateHandle read(
            DataInputView in, ClassLoader classLoader, Map<String, FileStateHandle> sharedState)
            throws IOException {
        KeyGroupRange range = new KeyGroupRange(in.readInt(), in.readInt());
        int columns = in.readInt();
        List<String> names = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            names.add(in.readUTF());
        }
        byte[] stateBytes = new byte[in.readInt()];
        in.readFully(stateBytes);
        KeyedStateSnapshot.StateMeta[] states;
        try {
            states = JavaSerialization.deserialize(stateBytes, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IOException(
                    "A state serializer class of the incremental snapshot is missing: "
                            + e.getMessage(),
                    e);
        }
        List<ColumnFamily> columnFamilies = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            columnFamilies.add(new ColumnFamily(names.get(i), states[i]));
        }
        int shared = in.readInt();
        Map<String, FileStateHandle> sharedFiles = new LinkedHashMap<>();
        for (int i = 0; i < shared; i++) {
            String local = in.readUTF();
            String fileName = in.readUTF();
            FileStateHandle handle = sharedState.get(fileName);
            if (handle == null) {
                throw new IOException(
                        "The incremental snapshot of key groups "
                                + range
                                + " references shared file '"
                                + fileName
                                + "', which the checkpoint's metadata does not list: the"
                                + " metadata and the state files do not belong together");
            }
            sharedFiles.put(local, handle);
        }
        int privates = in.readInt();
        Map<String, byte[]> privateFiles = new LinkedHashMap<>();
        for (int i = 0; i < privates; i++) {
            String name = in.readUTF();
            byte[] contents = new byte[in.readInt()];
            in.readFully(contents);
            privateFiles.put(name, contents);
        }
        return new IncrementalKeyedStateHandle(range, columnFamilies, sharedFiles, privateFiles);
    }
}
