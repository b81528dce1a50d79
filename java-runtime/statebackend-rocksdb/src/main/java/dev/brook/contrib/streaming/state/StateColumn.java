package dev.brook.contrib.streaming.state;

import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.ListSerializer;
import dev.brook.api.common.typeutils.base.MapSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.runtime.state.VoidNamespaceSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The column family of one state and the layout of its entries, which {@link #layout()} fully
 * describes: its kind, and the serializers of namespaces, keys and values (in snapshot form).
 *
 * <p>A RocksDB key is the key group (two bytes, big-endian, so that each key group is one
 * contiguous range), a 32-bit hash of the serialized key, the serialized key, the serialized
 * namespace and, for map state, the serialized map key. The key group and the hash, {@link
 * #PREFIX_LENGTH} bytes, are RocksDB's prefix: its hash memtable ({@link RocksDBStore}) keeps the
 * entries of one prefix together, which needs a prefix of fixed length whatever the key type.
 * Serialized keys and namespaces are self-delimiting, so the entries of one (key, namespace) share
 * a prefix that no other (key, namespace) starts with. Values: the serialized value; for list state
 * the serialized elements one after another (appended with RocksDB's merge operator); for map state
 * a presence flag (map values may be null) and the serialized map value.
 *
 * <p>Converts between these entries and a snapshot's (namespace, key, value) entries, whose values
 * are whole lists and maps.
 *
 * <p>Threading model: task thread only.
 */
final class StateColumn {

    /** Receives (namespace, key, value) entries in snapshot form. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(Object namespace, Object key, Object value) throws IOException;
    }

    /** Receives each (key, namespace) that has a value once. */
    @FunctionalInterface
    interface KeyVisitor {
        void visit(Object key, Object namespace);
    }

    /** The length of RocksDB's key prefix: the key group and the key's hash. */
    static final int PREFIX_LENGTH = 6;

    /** How many bytes {@link #copyKeyGroups} collects before it writes them. */
    private static final long COPY_BATCH_BYTES = 4 << 20;

    private final RocksDBStore store;
    private final RocksDB db;
    private final WriteOptions writeOptions;
    private final ReadOptions pointReads;
    private final String columnFamily;
    private final KeyedStateSnapshot.StateMeta layout;
    private final ColumnFamilyHandle handle;
    private final TypeSerializer<Object> namespaces;
    private final TypeSerializer<Object> keys;

    /** The whole value; a list's elements; a map's values. */
    private final TypeSerializer<Object> values;

    /** A map's keys; null for other kinds. */
    private final TypeSerializer<Object> mapKeys;

    private final DataOutputSerializer prefixOut = new DataOutputSerializer(64);
    private final DataOutputSerializer keyOut = new DataOutputSerializer(64);
    private final DataOutputSerializer valueOut = new DataOutputSerializer(256);
    private final DataInputDeserializer in = new DataInputDeserializer();

    @SuppressWarnings("unchecked")
    StateColumn(
            RocksDBStore store,
            String columnFamily,
            KeyedStateSnapshot.StateMeta layout,
            ColumnFamilyHandle handle) {
        this.store = store;
        this.db = store.db();
        this.writeOptions = store.writeOptions();
        this.pointReads = store.pointReads();
        this.columnFamily = columnFamily;
        this.layout = layout;
        this.handle = handle;
        this.namespaces = (TypeSerializer<Object>) layout.namespaceSerializer();
        this.keys = (TypeSerializer<Object>) layout.keySerializer();
        TypeSerializer<?> stored = layout.valueSerializer();
        switch (layout.kind()) {
            case LIST -> {
                values = ((ListSerializer<Object>) stored).getElementSerializer();
                mapKeys = null;
            }
            case MAP -> {
                MapSerializer<Object, Object> map = (MapSerializer<Object, Object>) stored;
                values = map.getValueSerializer();
                mapKeys = map.getKeySerializer();
            }
            default -> {
                values = (TypeSerializer<Object>) stored;
                mapKeys = null;
            }
        }
    }

    KeyedStateSnapshot.StateMeta layout() {
        return layout;
    }

    /** The state's name. */
    String name() {
        return layout.name();
    }

    /** The name of the RocksDB column family. */
    String columnFamily() {
        return columnFamily;
    }

    StateDescriptor.Type kind() {
        return layout.kind();
    }

    ColumnFamilyHandle handle() {
        return handle;
    }

    TypeSerializer<Object> namespaceSerializer() {
        return namespaces;
    }

    /** The serializer of values, list elements or map values (TTL wrappers included). */
    TypeSerializer<Object> valueSerializer() {
        return values;
    }

    TypeSerializer<Object> mapKeySerializer() {
        return mapKeys;
    }

    /** Whether entries have namespaces other than the void one. */
    boolean namespaced() {
        return !(layout.namespaceSerializer() instanceof VoidNamespaceSerializer);
    }

    /** Whether a key has at most one entry here: not namespaced, and not a map. */
    boolean oneEntryPerKey() {
        return !namespaced() && layout.kind() != StateDescriptor.Type.MAP;
    }

    /** Whether this column holds entries written with {@code other}'s serializers. */
    boolean sameLayout(KeyedStateSnapshot.StateMeta other) {
        return layout.namespaceSerializer().equals(other.namespaceSerializer())
                && layout.keySerializer().equals(other.keySerializer())
                && layout.valueSerializer().equals(other.valueSerializer());
    }

    // ---- storage ----

    /**
     * Reads the value under {@code key} into {@code buffer}; returns its length (larger than the
     * buffer if it did not fit) or -1 if there is none.
     */
    int get(DataOutputSerializer key, byte[] buffer) {
        store.checkOpen();
        try {
            return db.get(
                    handle,
                    pointReads,
                    key.getSharedBuffer(),
                    0,
                    key.length(),
                    buffer,
                    0,
                    buffer.length);
        } catch (RocksDBException e) {
            throw store.failure("read", name(), e);
        }
    }

    void put(DataOutputSerializer key, DataOutputSerializer value) {
        put(key.getSharedBuffer(), key.length(), value);
    }

    void put(byte[] key, int keyLength, DataOutputSerializer value) {
        store.checkOpen();
        try {
            db.put(
                    handle,
                    writeOptions,
                    key,
                    0,
                    keyLength,
                    value.getSharedBuffer(),
                    0,
                    value.length());
        } catch (RocksDBException e) {
            throw store.failure("write", name(), e);
        }
    }

    /** Appends {@code value}'s bytes to the value under {@code key} (list state). */
    void append(DataOutputSerializer key, DataOutputSerializer value) {
        store.checkOpen();
        try {
            db.merge(
                    handle,
                    writeOptions,
                    key.getSharedBuffer(),
                    0,
                    key.length(),
                    value.getSharedBuffer(),
                    0,
                    value.length());
        } catch (RocksDBException e) {
            throw store.failure("append to", name(), e);
        }
    }

    void delete(DataOutputSerializer key) {
        delete(key.getSharedBuffer(), key.length());
    }

    void delete(byte[] key, int keyLength) {
        store.checkOpen();
        try {
            db.delete(handle, writeOptions, key, 0, keyLength);
        } catch (RocksDBException e) {
            throw store.failure("delete from", name(), e);
        }
    }

    /**
     * Deletes every entry whose key starts with {@code prefix}, a key's prefix at least (see {@link
     * #newPrefixIterator}).
     */
    void deletePrefix(DataOutputSerializer prefix) {
        byte[] start = prefix.toByteArray();
        try (RocksIterator it = newPrefixIterator();
                WriteBatch batch = new WriteBatch()) {
            for (it.seek(start); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!startsWith(key, start, start.length)) {
                    break;
                }
                batch.delete(handle, key);
            }
            checkIterator(it);
            if (batch.count() > 0) {
                db.write(writeOptions, batch);
            }
        } catch (RocksDBException e) {
            throw store.failure("delete from", name(), e);
        }
    }

    /**
     * Copies the entries of the key groups {@code keyGroups} from {@code source}, a column of the
     * same layout in another database, as they are: a key group is one contiguous range of keys, so
     * this is a range scan without deserializing anything.
     */
    void copyKeyGroups(StateColumn source, KeyGroupRange keyGroups) {
        store.checkOpen();
        byte[] start = {(byte) (keyGroups.start() >>> 8), (byte) keyGroups.start()};
        try (RocksIterator it = source.newIterator();
                WriteBatch batch = new WriteBatch()) {
            for (it.seek(start); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (keyGroupOf(key) > keyGroups.end()) {
                    break;
                }
                batch.put(handle, key, it.value());
                if (batch.getDataSize() >= COPY_BATCH_BYTES) {
                    db.write(writeOptions, batch);
                    batch.clear();
                }
            }
            source.checkIterator(it);
            if (batch.count() > 0) {
                db.write(writeOptions, batch);
            }
        } catch (RocksDBException e) {
            throw store.failure("copy restored entries into", name(), e);
        }
    }

    /** An iterator over all current entries, in key order; the caller closes it. */
    RocksIterator newIterator() {
        return newIterator(store.totalOrder());
    }

    /**
     * An iterator over the entries as {@code options} say (e.g. at a snapshot); they must ask for
     * total order seek to see all entries.
     */
    RocksIterator newIterator(ReadOptions options) {
        store.checkOpen();
        return db.newIterator(handle, options);
    }

    /**
     * An iterator for the entries under one prefix of a (key, namespace) or a key, to be sought to
     * that prefix (or to an entry under it): it sees only entries of the same {@link
     * #PREFIX_LENGTH}-byte RocksDB prefix, so it never sorts the memtable. The caller closes it.
     */
    RocksIterator newPrefixIterator() {
        return newIterator(store.prefixScans());
    }

    /** Throws if {@code it} stopped because of an error rather than at the end. */
    void checkIterator(RocksIterator it) {
        try {
            it.status();
        } catch (RocksDBException e) {
            throw store.failure("iterate over", name(), e);
        }
    }

    // ---- entries ----

    static int keyGroupOf(byte[] rawKey) {
        return ((rawKey[0] & 0xff) << 8) | (rawKey[1] & 0xff);
    }

    /**
     * Appends the start of a RocksDB key to {@code out}: {@code keyGroup}, the hash of the
     * serialized key, and the serialized key.
     */
    static void writeKeyPrefix(
            DataOutputSerializer out, int keyGroup, TypeSerializer<Object> keys, Object key)
            throws IOException {
        out.writeShort(keyGroup);
        int hashAt = out.length();
        out.writeInt(0);
        int start = out.length();
        keys.serialize(key, out);
        out.setIntAt(hashAt, hash(out.getSharedBuffer(), start, out.length()));
    }

    /** A well-mixed 32-bit hash of {@code bytes[from, to)}, the same in every JVM. */
    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        // MurmurHash3's finalizer, so that keys differing in one byte land far apart.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    static boolean startsWith(byte[] bytes, byte[] prefix, int prefixLength) {
        return bytes.length >= prefixLength
                && Arrays.equals(bytes, 0, prefixLength, prefix, 0, prefixLength);
    }

    /** Writes one snapshot entry (of key group {@code keyGroup}) into this column. */
    @SuppressWarnings("unchecked")
    void write(Object namespace, Object key, int keyGroup, Object value) throws IOException {
        prefixOut.clear();
        writeKeyPrefix(prefixOut, keyGroup, keys, key);
        namespaces.serialize(namespace, prefixOut);
        valueOut.clear();
        switch (layout.kind()) {
            case LIST -> {
                for (Object element : (List<Object>) value) {
                    values.serialize(element, valueOut);
                }
                put(prefixOut, valueOut);
            }
            case MAP -> {
                for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) value).entrySet()) {
                    keyOut.clear();
                    keyOut.write(prefixOut.getSharedBuffer(), 0, prefixOut.length());
                    mapKeys.serialize(entry.getKey(), keyOut);
                    valueOut.clear();
                    writeMapValue(entry.getValue(), valueOut);
                    put(keyOut, valueOut);
                }
            }
            default -> {
                values.serialize(value, valueOut);
                put(prefixOut, valueOut);
            }
        }
    }

    void writeMapValue(Object value, DataOutputSerializer out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            values.serialize(value, out);
        }
    }

    Object readMapValue(DataInputDeserializer from) throws IOException {
        return from.readBoolean() ? values.deserialize(from) : null;
    }

    /**
     * Reads the entries under {@code it} while they belong to {@code keyGroup} (all entries if it
     * is negative), leaving {@code it} at the first entry it did not read; a map's entries of one
     * key and namespace become one map. Returns whether there was any.
     */
    boolean readEntries(RocksIterator it, int keyGroup, EntryVisitor visitor) throws IOException {
        boolean any = false;
        byte[] prefix = null;
        int prefixLength = 0;
        Object key = null;
        Object namespace = null;
        Map<Object, Object> map = null;
        for (; it.isValid(); it.next()) {
            byte[] raw = it.key();
            if (keyGroup >= 0 && keyGroupOf(raw) != keyGroup) {
                break;
            }
            any = true;
            if (layout.kind() != StateDescriptor.Type.MAP) {
                in.setBuffer(raw, PREFIX_LENGTH, raw.length);
                Object k = keys.deserialize(in);
                visitor.visit(namespaces.deserialize(in), k, readValue(it.value()));
                continue;
            }
            if (prefix == null || !startsWith(raw, prefix, prefixLength)) {
                if (map != null) {
                    visitor.visit(namespace, key, map);
                }
                in.setBuffer(raw, PREFIX_LENGTH, raw.length);
                key = keys.deserialize(in);
                namespace = namespaces.deserialize(in);
                prefix = raw;
                prefixLength = in.getPosition();
                map = new HashMap<>();
            }
            in.setBuffer(raw, prefixLength, raw.length);
            Object mapKey = mapKeys.deserialize(in);
            byte[] value = it.value();
            in.setBuffer(value, 0, value.length);
            map.put(mapKey, readMapValue(in));
        }
        if (map != null) {
            visitor.visit(namespace, key, map);
        }
        checkIterator(it);
        return any;
    }

    /** A stored value (not of map state) in snapshot form. */
    private Object readValue(byte[] value) throws IOException {
        in.setBuffer(value, 0, value.length);
        if (layout.kind() != StateDescriptor.Type.LIST) {
            return values.deserialize(in);
        }
        List<Object> elements = new ArrayList<>();
        while (in.available() > 0) {
            elements.add(values.deserialize(in));
        }
        return elements;
    }

    /**
     * Visits every key with a value in {@code namespace}, once, from the iterator's position on.
     * Entries are matched by the namespace's serialized bytes, which is how state accesses find
     * them too, and only matching entries are deserialized: a window's keys are a small part of the
     * entries of a state that holds several windows.
     */
    void readKeys(RocksIterator it, Object namespace, Consumer<Object> visitor) throws IOException {
        if (layout.kind() == StateDescriptor.Type.MAP) {
            // A map entry's key ends with the map key, not the namespace.
            readKeys(
                    it,
                    (key, ns) -> {
                        if (ns.equals(namespace)) {
                            visitor.accept(key);
                        }
                    });
            return;
        }
        keyOut.clear();
        namespaces.serialize(namespace, keyOut);
        byte[] ns = keyOut.toByteArray();
        for (; it.isValid(); it.next()) {
            byte[] raw = it.key();
            int nsStart = raw.length - ns.length;
            if (nsStart < PREFIX_LENGTH
                    || !Arrays.equals(raw, nsStart, raw.length, ns, 0, ns.length)) {
                continue;
            }
            in.setBuffer(raw, PREFIX_LENGTH, raw.length);
            Object key = keys.deserialize(in);
            if (in.getPosition() == nsStart) {
                visitor.accept(key);
            }
        }
        checkIterator(it);
    }

    /** Visits every (key, namespace) with a value, once, from the iterator's position on. */
    void readKeys(RocksIterator it, KeyVisitor visitor) throws IOException {
        byte[] prefix = null;
        int prefixLength = 0;
        for (; it.isValid(); it.next()) {
            byte[] raw = it.key();
            if (prefix != null && startsWith(raw, prefix, prefixLength)) {
                continue; // another entry of the same map
            }
            in.setBuffer(raw, PREFIX_LENGTH, raw.length);
            Object key = keys.deserialize(in);
            visitor.visit(key, namespaces.deserialize(in));
            prefix = raw;
            prefixLength = in.getPosition();
        }
        checkIterator(it);
    }
}
