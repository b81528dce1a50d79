package dev.brook.api.common.typeutils.base;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Serializes maps, including a null map and null values (keys must not be null); reads them back as
 * {@link HashMap}s.
 *
 * <p>Form: a var-int of (size + 1), 0 meaning a null map; then the entries in groups of eight, each
 * group led by a byte whose bit i is set when the value of entry i is null. Each entry is its key
 * followed by its value unless that is null.
 */
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> valueSerializer;

    public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
    }

    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    public TypeSerializer<V> getValueSerializer() {
        return valueSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Map<K, V>> duplicate() {
        TypeSerializer<K> keys = keySerializer.duplicate();
        TypeSerializer<V> values = valueSerializer.duplicate();
        return keys == keySerializer && values == valueSerializer
                ? this
                : new MapSerializer<>(keys, values);
    }

    @Override
    public Map<K, V> createInstance() {
        return new HashMap<>();
    }

    @Override
    public Map<K, V> copy(Map<K, V> from) {
        if (from == null) {
            return null;
        }
        Map<K, V> copy = new HashMap<>(capacityFor(from.size()));
        for (Map.Entry<K, V> e : from.entrySet()) {
            V value = e.getValue();
            copy.put(
                    keySerializer.copy(e.getKey()),
                    value == null ? null : valueSerializer.copy(value));
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Map<K, V> record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeVarInt(0);
            return;
        }
        int remaining = record.size();
        target.writeVarInt(remaining + 1);
        Iterator<Map.Entry<K, V>> lookahead = record.entrySet().iterator();
        Iterator<Map.Entry<K, V>> entries = record.entrySet().iterator();
        while (remaining > 0) {
            int groupSize = Math.min(8, remaining);
            int nullMask = 0;
            for (int i = 0; i < groupSize; i++) {
                if (lookahead.next().getValue() == null) {
                    nullMask |= 1 << i;
                }
            }
            target.writeByte(nullMask);
            for (int i = 0; i < groupSize; i++) {
                Map.Entry<K, V> entry = entries.next();
                K key = entry.getKey();
                if (key == null) {
                    throw new NullPointerException(
                            "Cannot serialize a map with a null key: map keys must not be null."
                                    + " Remove the entry or replace the null key by a value.");
                }
                keySerializer.serialize(key, target);
                if ((nullMask & (1 << i)) == 0) {
                    valueSerializer.serialize(entry.getValue(), target);
                }
            }
            remaining -= groupSize;
        }
    }

    @Override
    public Map<K, V> deserialize(DataInputView source) throws IOException {
        int sizePlusOne = source.readVarInt();
        if (sizePlusOne == 0) {
            return null;
        }
        int remaining = sizePlusOne - 1;
        Map<K, V> map = new HashMap<>(capacityFor(remaining));
        while (remaining > 0) {
            int groupSize = Math.min(8, remaining);
            int nullMask = source.readUnsignedByte();
            for (int i = 0; i < groupSize; i++) {
                K key = keySerializer.deserialize(source);
                V value = (nullMask & (1 << i)) != 0 ? null : valueSerializer.deserialize(source);
                map.put(key, value);
            }
            remaining -= groupSize;
        }
        return map;
    }

    /** A HashMap capacity that holds {@code size} entries without rehashing. */
    static int capacityFor(int size) {
        return size < 3 ? size + 1 : (int) (size / 0.75f + 1.0f);
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof MapSerializer)) {
            return false;
        }
        MapSerializer<?, ?> other = (MapSerializer<?, ?>) obj;
        return keySerializer.equals(other.keySerializer)
                && valueSerializer.equals(other.valueSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * keySerializer.hashCode() + valueSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "MapSerializer<" + keySerializer + ", " + valueSerializer + ">";
    }
}
