package dev.brook.runtime.checkpoint;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.serialization.JavaSerialization;
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
 * @param keyed the keyed state, or null when the operator is not keyed
 * @param timers the timers (a "state" per timer service and time domain whose entries are
 *     (namespace, key, timestamp)), or null when the operator has none
 * @param operatorState the operator's list, union list and broadcast states by name
 */
public record OperatorSnapshot(
        KeyedStateSnapshot keyed,
        KeyedStateSnapshot timers,
        Map<String, OperatorStateContents> operatorState) {

    private static final int MAGIC = 0x42524B53; // "BRKS"
    private static final int VERSION = 1;

    public boolean isEmpty() {
        return keyed == null && timers == null && operatorState.isEmpty();
    }

    public boolean hasUnionState() {
        return operatorState.values().stream().anyMatch(c -> c.mode() == Mode.UNION);
    }

    /** The snapshot's bytes. Serializes every element now, so the task may change them after. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public byte[] toBytes() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeBoolean(keyed != null);
        if (keyed != null) {
            keyed.write(out);
        }
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
        return out.toByteArray();
    }

    /**
     * Reads a snapshot; classes (serializers, user types) are resolved with {@code classLoader}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static OperatorSnapshot read(StreamStateHandle handle, ClassLoader classLoader)
            throws IOException {
        byte[] bytes;
        try (InputStream in = handle.openInputStream()) {
            bytes = in.readAllBytes();
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a Brook operator state snapshot: " + handle);
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(
                    "Operator state snapshot version " + version + " is not supported: " + handle);
        }
        KeyedStateSnapshot keyed =
                in.readBoolean() ? KeyedStateSnapshot.read(in, classLoader) : null;
        KeyedStateSnapshot timers =
                in.readBoolean() ? KeyedStateSnapshot.read(in, classLoader) : null;
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
        return new OperatorSnapshot(keyed, timers, operatorState);
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
