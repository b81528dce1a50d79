package dev.brook.runtime.checkpoint;

import dev.brook.api.common.JobID;
import dev.brook.runtime.state.KeyGroupRange;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code _metadata} file of a checkpoint or savepoint: everything needed to restore a job from
 * the directory without the job that wrote it — the checkpoint's id and time, and per operator id
 * its parallelism, max parallelism, coordinator state and, per subtask, where its state is, which
 * key groups it holds, whether the subtask had finished, and the shared files (of incremental
 * checkpoints) its state references. The state files describe their own contents (serializers
 * included).
 *
 * <p>Files inside the checkpoint's directory are referenced by relative path, so a savepoint
 * directory can be moved as a whole; shared files, which live next to the checkpoint's directory
 * (in the job's {@code shared/}), by a path relative to its parent, so a job's checkpoint directory
 * can be moved as a whole. Layout: magic, version, then the fields in the order of {@link #write}.
 * Version 1 (without shared files) is still read.
 */
public final class CheckpointMetadata {

    public static final String METADATA_FILE_NAME = "_metadata";

    private static final int MAGIC = 0x42524B4D; // "BRKM"
    private static final int VERSION = 2;
    private static final byte NO_HANDLE = 0;
    private static final byte BYTES = 1;
    private static final byte RELATIVE_FILE = 2;
    private static final byte ABSOLUTE_FILE = 3;
    private static final byte PARENT_RELATIVE_FILE = 4;

    private CheckpointMetadata() {}

    /**
     * Writes {@code _metadata} into {@code directory}, atomically (a rename of a complete file).
     */
    public static void store(CompletedCheckpoint checkpoint, Path directory) throws IOException {
        Path tmp = directory.resolve(METADATA_FILE_NAME + ".inprogress");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            write(checkpoint, directory, os);
        }
        Files.move(
                tmp,
                directory.resolve(METADATA_FILE_NAME),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    static void write(CompletedCheckpoint checkpoint, Path directory, OutputStream os)
            throws IOException {
        DataOutputStream out = new DataOutputStream(os);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(checkpoint.jobId().toString());
        out.writeLong(checkpoint.checkpointId());
        out.writeLong(checkpoint.timestamp());
        out.writeBoolean(checkpoint.savepoint());
        out.writeInt(checkpoint.operators().size());
        for (OperatorState op : checkpoint.operators().values()) {
            out.writeUTF(op.operatorId());
            out.writeInt(op.parallelism());
            out.writeInt(op.maxParallelism());
            byte[] coordinator = op.coordinatorState();
            out.writeInt(coordinator == null ? -1 : coordinator.length);
            if (coordinator != null) {
                out.write(coordinator);
            }
            out.writeInt(op.subtasks().size());
            for (Map.Entry<Integer, OperatorSubtaskState> e : op.subtasks().entrySet()) {
                OperatorSubtaskState s = e.getValue();
                out.writeInt(e.getKey());
                out.writeBoolean(s.finished());
                out.writeBoolean(s.hasUnionState());
                KeyGroupRange range = s.keyGroupRange();
                out.writeBoolean(range != null);
                if (range != null) {
                    out.writeInt(range.start());
                    out.writeInt(range.end());
                }
                writeHandle(s.handle(), directory, out);
                out.writeInt(s.sharedState().size());
                for (FileStateHandle shared : s.sharedState()) {
                    writeHandle(shared, directory, out);
                }
            }
        }
        out.flush();
    }

    private static void writeHandle(StreamStateHandle handle, Path directory, DataOutputStream out)
            throws IOException {
        if (handle == null) {
            out.writeByte(NO_HANDLE);
        } else if (handle instanceof ByteStreamStateHandle bytes) {
            out.writeByte(BYTES);
            out.writeInt(bytes.data().length);
            out.write(bytes.data());
        } else if (handle instanceof FileStateHandle file) {
            Path path = file.filePath().toAbsolutePath().normalize();
            Path dir = directory.toAbsolutePath().normalize();
            Path parent = dir.getParent();
            if (path.startsWith(dir)) {
                out.writeByte(RELATIVE_FILE);
                out.writeUTF(dir.relativize(path).toString());
            } else if (parent != null && path.startsWith(parent)) {
                out.writeByte(PARENT_RELATIVE_FILE);
                out.writeUTF(parent.relativize(path).toString());
            } else {
                out.writeByte(ABSOLUTE_FILE);
                out.writeUTF(path.toString());
            }
            out.writeLong(file.size());
        }
    }

    /**
     * Reads the checkpoint or savepoint at {@code pointer}: its directory or its {@code _metadata}
     * file. Fails with a message naming the path when there is none or it is not Brook's.
     */
    public static CompletedCheckpoint load(String pointer) throws IOException {
        Path path = Path.of(pointer.startsWith("file://") ? pointer.substring(7) : pointer);
        Path file = Files.isDirectory(path) ? path.resolve(METADATA_FILE_NAME) : path;
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.exists(file)) {
            throw new NoSuchFileException(
                    file.toString(),
                    null,
                    "no checkpoint or savepoint metadata (" + METADATA_FILE_NAME + ") there");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, directory);
        }
    }

    static CompletedCheckpoint read(InputStream is, Path directory) throws IOException {
        DataInputStream in = new DataInputStream(is);
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException(
                    directory.resolve(METADATA_FILE_NAME)
                            + " is not the metadata of a Brook checkpoint or savepoint");
        }
        int version = in.readInt();
        if (version < 1 || version > VERSION) {
            throw new IOException(
                    "Checkpoint metadata version "
                            + version
                            + " in "
                            + directory
                            + " is not supported (this Brook reads versions 1 to "
                            + VERSION
                            + ")");
        }
        JobID jobId = JobID.fromHexString(in.readUTF());
        long checkpointId = in.readLong();
        long timestamp = in.readLong();
        boolean savepoint = in.readBoolean();
        int operators = in.readInt();
        Map<String, OperatorState> states = new LinkedHashMap<>();
        for (int i = 0; i < operators; i++) {
            String id = in.readUTF();
            int parallelism = in.readInt();
            int maxParallelism = in.readInt();
            int coordinatorLength = in.readInt();
            byte[] coordinator = null;
            if (coordinatorLength >= 0) {
                coordinator = new byte[coordinatorLength];
                in.readFully(coordinator);
            }
            int subtaskCount = in.readInt();
            Map<Integer, OperatorSubtaskState> subtasks = new LinkedHashMap<>();
            for (int s = 0; s < subtaskCount; s++) {
                int index = in.readInt();
                boolean finished = in.readBoolean();
                boolean union = in.readBoolean();
                KeyGroupRange range =
                        in.readBoolean() ? new KeyGroupRange(in.readInt(), in.readInt()) : null;
                StreamStateHandle handle = readHandle(in, directory);
                List<FileStateHandle> shared = new ArrayList<>();
                int sharedCount = version >= 2 ? in.readInt() : 0;
                for (int f = 0; f < sharedCount; f++) {
                    if (!(readHandle(in, directory) instanceof FileStateHandle file)) {
                        throw new IOException(
                                "Corrupt checkpoint metadata in "
                                        + directory
                                        + ": a shared state handle is not a file");
                    }
                    shared.add(file);
                }
                subtasks.put(
                        index, new OperatorSubtaskState(handle, range, union, finished, shared));
            }
            states.put(
                    id, new OperatorState(id, parallelism, maxParallelism, coordinator, subtasks));
        }
        return new CompletedCheckpoint(
                jobId, checkpointId, timestamp, savepoint, states, directory.toString());
    }

    private static StreamStateHandle readHandle(DataInputStream in, Path directory)
            throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case NO_HANDLE -> null;
            case BYTES -> {
                byte[] data = new byte[in.readInt()];
                in.readFully(data);
                yield new ByteStreamStateHandle(data);
            }
            case RELATIVE_FILE -> {
                String relative = in.readUTF();
                yield new FileStateHandle(directory.resolve(relative).toString(), in.readLong());
            }
            case PARENT_RELATIVE_FILE -> {
                String relative = in.readUTF();
                Path parent = directory.toAbsolutePath().getParent();
                if (parent == null) {
                    throw new IOException(
                            "Checkpoint metadata in "
                                    + directory
                                    + " references "
                                    + relative
                                    + " in the directory above it, which has none");
                }
                yield new FileStateHandle(parent.resolve(relative).toString(), in.readLong());
            }
            case ABSOLUTE_FILE -> new FileStateHandle(in.readUTF(), in.readLong());
            default -> throw new IOException("Corrupt checkpoint metadata in " + directory);
        };
    }
}
