package dev.brook.runtime.state;

import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.ListSerializer;
import dev.brook.api.common.typeutils.base.MapSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import dev.brook.runtime.state.ttl.TtlValueSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The keyed state of one operator subtask, by key group: the backend-independent form that
 * checkpoints and savepoints store and that a restore redistributes (a subtask takes the key groups
 * of its range from any number of snapshots).
 *
 * <p>It describes itself: {@link #states()} names every state with its kind and the serializers its
 * entries were written with. Each key group's bytes hold, per state in that order, its entries as
 * (namespace, key, value), each entry preceded by a {@code true} and the state's entries followed
 * by a {@code false}.
 */
public final class KeyedStateSnapshot implements KeyedStateHandle {

    /** One state: how its entries are written. */
    public record StateMeta(
            String name,
            StateDescriptor.Type kind,
            boolean timeToLive,
            TypeSerializer<?> namespaceSerializer,
            TypeSerializer<?> keySerializer,
            TypeSerializer<?> valueSerializer)
            implements Serializable {

        /** The same description with its own serializers, for use on another thread. */
        public StateMeta duplicate() {
            return new StateMeta(
                    name,
                    kind,
                    timeToLive,
                    namespaceSerializer.duplicate(),
                    keySerializer.duplicate(),
                    valueSerializer.duplicate());
        }
    }

    private final List<StateMeta> states;
    private final SortedMap<Integer, byte[]> keyGroups;

    public KeyedStateSnapshot(List<StateMeta> states, SortedMap<Integer, byte[]> keyGroups) {
        this.states = List.copyOf(states);
        this.keyGroups = Collections.unmodifiableSortedMap(new TreeMap<>(keyGroups));
    }

    /**
     * How every backend writes the values of a state into a snapshot, so that any backend reads
     * them: the descriptor's serializer for value, reducing and aggregating state, a {@link
     * ListSerializer} of it for list state, a {@link MapSerializer} for map state; with a TTL, each
     * value, list element and map value is wrapped in a {@link TtlValueSerializer}.
     */
    public static TypeSerializer<?> valueSerializer(
            StateDescriptor<?, ?> descriptor, boolean timeToLive) {
        return switch (descriptor.getType()) {
            case VALUE, REDUCING, AGGREGATING -> ttlAware(descriptor.getSerializer(), timeToLive);
            case LIST -> new ListSerializer<>(ttlAware(descriptor.getSerializer(), timeToLive));
            case MAP -> {
                MapStateDescriptor<?, ?> map = (MapStateDescriptor<?, ?>) descriptor;
                yield new MapSerializer<>(
                        map.getKeyTypeInformation().createSerializer(),
                        ttlAware(map.getValueTypeInformation().createSerializer(), timeToLive));
            }
        };
    }

    private static <T> TypeSerializer<?> ttlAware(TypeSerializer<T> serializer, boolean ttl) {
        return ttl ? new TtlValueSerializer<>(serializer) : serializer;
    }

    /**
     * The same snapshot with its own serializers, so that another thread may write it while the
     * task goes on using the originals (serializers need not be thread-safe).
     */
    public KeyedStateSnapshot withDuplicatedSerializers() {
        return new KeyedStateSnapshot(
                states.stream().map(StateMeta::duplicate).toList(), keyGroups);
    }

    public List<StateMeta> states() {
        return states;
    }

    /** Key group → its entries; key groups without entries are absent. */
    public SortedMap<Integer, byte[]> keyGroups() {
        return keyGroups;
    }

    public void write(DataOutputView out) throws IOException {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(meta)) {
            oos.writeObject(states.toArray(new StateMeta[0]));
        }
        out.writeInt(meta.size());
        out.write(meta.toByteArray());
        out.writeInt(keyGroups.size());
        for (var group : keyGroups.entrySet()) {
            out.writeInt(group.getKey());
            out.writeInt(group.getValue().length);
            out.write(group.getValue());
        }
    }

    /** Reads a snapshot; the serializers are resolved with {@code classLoader} (user code). */
    public static KeyedStateSnapshot read(DataInputView in, ClassLoader classLoader)
            throws IOException {
        byte[] meta = new byte[in.readInt()];
        in.readFully(meta);
        StateMeta[] states;
        try (ObjectInputStream ois =
                new ObjectInputStream(new ByteArrayInputStream(meta)) {
                    @Override
                    protected Class<?> resolveClass(ObjectStreamClass desc)
                            throws IOException, ClassNotFoundException {
                        return Class.forName(desc.getName(), false, classLoader);
                    }
                }) {
            states = (StateMeta[]) ois.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(
                    "A state serializer class of the snapshot is missing: " + e.getMessage(), e);
        }
        SortedMap<Integer, byte[]> keyGroups = new TreeMap<>();
        int groups = in.readInt();
        for (int i = 0; i < groups; i++) {
            int keyGroup = in.readInt();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            keyGroups.put(keyGroup, bytes);
        }
        return new KeyedStateSnapshot(List.of(states), keyGroups);
    }
}
