package dev.brook.runtime.checkpoint;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.core.memory.DataOutputView;
import dev.brook.runtime.serialization.JavaSerialization;
import dev.brook.runtime.state.IncrementalKeyedStateHandle;
import dev.brook.runtime.state.KeyedStateHandle;
import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.runtime.state.OperatorStateContents;
import dev.brook.runtime.state.OperatorStateContents.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpointed state of one operator in one subtask, as one blob: its keyed state, its timers
 * (in the same by-key-group form, so they are redistributed with the keys) and its operator state.
 * Like {@link KeyedStateSnapshot} it carries the serializers of everything it holds, so it can be
 * read without the program that wrote it.
 *
 * <p>Layout (version 2): magic, version, timers, operator state, then the keyed state last — tagged
 * as none, full ({@link KeyedStateSnapshot}) or incremental ({@link IncrementalKeyedStateHandle}) —
 * because a checkpoint serializes timers and operator state on the task thread and its keyed state
 * may only be written later, on an I/O thread ({@link #withoutKeyedState}). Version 1 (keyed state
 * first, always full) is still read.
 *
 * @param keyed the keyed state, or null when the operator is not keyed
 * @param timers the timers (a "state" per timer service and time domain whose entries are
 *     (namespace, key, timestamp)), or null when the operator has none
 * @param operatorState the operator's list, union list and broadcast states by name
 */
public record OperatorSnapshot(
        KeyedStateHandle keyed,
        KeyedStateSnapshot timers,
        Map<String, OperatorStateContents> operatorState) {

    private static final int MAGIC = 0x42524B53; // "BRKS"
    private static final int VERSION = 2;
    private static final byte NO_KEYED_STATE = 0;
    private static final byte FULL_KEYED_STATE = 1;
    private static final byte INCREMENTAL_KEYED_STATE = 2;

    /**
     * An operator's snapshot without its keyed state: timers and operator state serialized at once,
     * so the task may change them after; {@link #writeTo} adds the keyed state when it is written.
     */
    public static final class WithoutKeyedState {
        private final byte[] timersAndOperatorState;
        private final boolean hasUnionState;

        private WithoutKeyedState(byte[] timersAndOperatorState, boolean hasUnionState) {
            this.timersAndOperatorState = timersAndOperatorState;
            this.hasUnionState = hasUnionState;
        }

        public boolean hasUnionState() {
            return hasUnionState;
        }

        /**
         * Writes the whole snapshot, with {@code keyed} (null when the operator is not keyed), to
         * {@code out}.
         */
        public void writeTo(KeyedStateHandle keyed, DataOutputView out) throws IOException {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.write(timersAndOperatorState);
            if (keyed == null) {
                out.writeByte(NO_KEYED_STATE);
            } else if (keyed instanceof KeyedStateSnapshot full) {
                out.writeByte(FULL_KEYED_STATE);
                full.write(out);
            } else if (keyed instanceof IncrementalKeyedStateHandle incremental) {
                out.writeByte(INCREMENTAL_KEYED_STATE);
                incremental.write(out);
            }
        }
    }

    /** Serializes {@code timers} (may be null) and {@code operatorState} now. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static WithoutKeyedState withoutKeyedState(
            KeyedStateSnapshot timers, Map<String, OperatorStateContents> operatorState)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        out.writeBoolean(timers != null);
        if (timers != null) {
            timers.write(out);
        }
        out.writeInt(operatorState.size());
        for (Map.Entry<String, OperatorStateContents> e : operatorState.entrySet()) {
            OperatorStateContents c = e.getValue();
            out.writeUTF(e.getKey());
            out.writeByte(c.mode().ordinal());
            byte[] serializers =
                    JavaSerialization.serialize(
                            c.serializers().toArray(new TypeSerializer<?>[0]),
                            "serializers of operator state '" + e.getKey() + "'");
            out.writeInt(serializers.length);
            out.write(serializers);
            if (c.mode() == Mode.BROADCAST) {
                TypeSerializer keys = c.serializers().get(0);
                TypeSerializer values = c.serializers().get(1);
                out.writeInt(c.entries().size());
                for (Map.Entry<?, ?> entry : c.entries().entrySet()) {
                    keys.serialize(entry.getKey(), out);
                    out.writeBoolean(entry.getValue() != null);
                    if (entry.getValue() != null) {
                        values.serialize(entry.getValue(), out);
                    }
                }
            } else {
                TypeSerializer elements = c.serializers().get(0);
                out.writeInt(c.elements().size());
                for (Object element : c.elements()) {
                    elements.serialize(element, out);
                }
            }
        }
        boolean union = operatorState.values().stream().anyMatch(c -> c.mode() == Mode.UNION);
        return new WithoutKeyedState(out.toByteArray(), union);
    }

    /**
     * Reads the snapshot of {@code state}; classes (serializers, user types) are resolved with
     * {@code classLoader}, shared files by name in the state's {@link
     * OperatorSubtaskState#sharedState()}.
     */
    public static OperatorSnapshot read(OperatorSubtaskState state, ClassLoader classLoader)
            throws IOException {
        StreamStateHandle handle = state.handle();
        byte[] bytes;
        try (InputStream in = handle.openInputStream()) {
            bytes = in.readAllBytes();
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a Brook operator state snapshot: " + handle);
        }
        int version = in.readInt();
        if (version == 1) {
            KeyedStateSnapshot keyed =
                    in.readBoolean() ? KeyedStateSnapshot.read(in, classLoader) : null;
            KeyedStateSnapshot timers =
                    in.readBoolean() ? KeyedStateSnapshot.read(in, classLoader) : null;
            return new OperatorSnapshot(keyed, timers, readOperatorState(in, classLoader));
        }
        if (version != VERSION) {
            throw new IOException(
                    "Operator state snapshot version "
                            + version
                            + " is not supported (this Brook reads versions 1 to "
                            + VERSION
                            + "): "
                            + handle);
        }
        KeyedStateSnapshot timers =
                in.readBoolean() ? KeyedStateSnapshot.read(in, classLoader) : null;
        Map<String, OperatorStateContents> operatorState = readOperatorState(in, classLoader);
        byte tag = in.readByte();
        KeyedStateHandle keyed =
                switch (tag) {
                    case NO_KEYED_STATE -> null;
                    case FULL_KEYED_STATE -> KeyedStateSnapshot.read(in, classLoader);
                    case INCREMENTAL_KEYED_STATE -> {
                        Map<String, FileStateHandle> shared = new HashMap<>();
                        for (FileStateHandle file : state.sharedState()) {
                            shared.put(file.filePath().getFileName().toString(), file);
                        }
                        yield IncrementalKeyedStateHandle.read(in, classLoader, shared);
                    }
                    default ->
                            throw new IOException(
                                    "Corrupt operator state snapshot (keyed state tag "
                                            + tag
                                            + "): "
                                            + handle);
                };
        return new OperatorSnapshot(keyed, timers, operatorState);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, OperatorStateContents> readOperatorState(
            DataInputDeserializer in, ClassLoader classLoader) throws IOException {
        int states = in.readInt();
        Map<String, OperatorStateContents> operatorState = new LinkedHashMap<>();
        for (int i = 0; i < states; i++) {
            String name = in.readUTF();
            Mode mode = Mode.values()[in.readByte()];
            byte[] serializerBytes = new byte[in.readInt()];
            in.readFully(serializerBytes);
            TypeSerializer<?>[] serializers;
            try {
                serializers = JavaSerialization.deserialize(serializerBytes, classLoader);
            } catch (ClassNotFoundException e) {
                throw new IOException(
                        "A serializer class of operator state '"
                                + name
                                + "' is missing: "
                                + e.getMessage(),
                        e);
            }
            if (mode == Mode.BROADCAST) {
                TypeSerializer keys = serializers[0];
                TypeSerializer values = serializers[1];
                int n = in.readInt();
                Map<Object, Object> entries = new HashMap<>();
                for (int j = 0; j < n; j++) {
                    Object key = keys.deserialize(in);
                    entries.put(key, in.readBoolean() ? values.deserialize(in) : null);
                }
                operatorState.put(name, OperatorStateContents.broadcast(entries, keys, values));
            } else {
                TypeSerializer elementSerializer = serializers[0];
                int n = in.readInt();
                List<Object> elements = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    elements.add(elementSerializer.deserialize(in));
                }
                operatorState.put(
                        name, OperatorStateContents.list(mode, elements, elementSerializer));
            }
        }
        return operatorState;
    }

    /**
     * The operator state subtask {@code newIndex} of {@code newParallelism} gets from the states of
     * the old subtasks (by old index). At the same parallelism a subtask keeps its own list state;
     * otherwise list elements are dealt out round-robin in the order of the old subtasks. Union
     * list state is the union of all old subtasks; broadcast state is the same everywhere, so the
     * first copy is taken.
     */
    public static Map<String, OperatorStateContents> redistribute(
            Map<Integer, Map<String, OperatorStateContents>> old,
            int oldParallelism,
            int newIndex,
            int newParallelism) {
        Map<String, List<Object>> lists = new LinkedHashMap<>();
        Map<String, OperatorStateContents> first = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<String, OperatorStateContents>> subtask : old.entrySet()) {
            for (Map.Entry<String, OperatorStateContents> e : subtask.getValue().entrySet()) {
                OperatorStateContents c = e.getValue();
                first.putIfAbsent(e.getKey(), c);
                List<Object> elements = lists.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                if (c.mode() == Mode.UNION) {
                    elements.addAll(c.elements());
                } else if (c.mode() == Mode.SPLIT_DISTRIBUTE) {
                    if (oldParallelism == newParallelism) {
                        if (subtask.getKey() == newIndex) {
                            elements.addAll(c.elements());
                        }
                    } else {
                        elements.addAll(c.elements());
                    }
                }
            }
        }
        Map<String, OperatorStateContents> result = new LinkedHashMap<>();
        for (Map.Entry<String, OperatorStateContents> e : first.entrySet()) {
            OperatorStateContents c = e.getValue();
            List<Object> elements = lists.get(e.getKey());
            switch (c.mode()) {
                case BROADCAST -> result.put(e.getKey(), c);
                case UNION ->
                        result.put(
                                e.getKey(),
                                OperatorStateContents.list(
                                        Mode.UNION, elements, c.serializers().get(0)));
                case SPLIT_DISTRIBUTE -> {
                    List<Object> mine = elements;
                    if (oldParallelism != newParallelism) {
                        mine = new ArrayList<>();
                        for (int i = newIndex; i < elements.size(); i += newParallelism) {
                            mine.add(elements.get(i));
                        }
                    }
                    result.put(
                            e.getKey(),
                            OperatorStateContents.list(
                                    Mode.SPLIT_DISTRIBUTE, mine, c.serializers().get(0)));
                }
            }
        }
        return result;
    }
}
