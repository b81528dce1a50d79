package dev.brook.contrib.streaming.state;

import dev.brook.api.common.state.MapState;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.rocksdb.RocksIterator;

/**
 * A map stored as one RocksDB entry per map entry, under the key of the current key and namespace
 * followed by the map key, so that single entries are read and written without the rest of the map.
 * Iterating seeks to that prefix.
 */
final class RocksDBMapState<K, N, UK, UV> extends AbstractRocksDBState<K, N, UV>
        implements MapState<UK, UV> {

    /** Entries an iterator loads at a time; it holds no RocksDB iterator between batches. */
    private static final int BATCH = 128;

    private final TypeSerializer<UK> mapKeys;

    @SuppressWarnings("unchecked")
    RocksDBMapState(
            RocksDBKeyedStateBackend<K> backend, StateColumn column, Object defaultNamespace) {
        super(backend, column, defaultNamespace);
        this.mapKeys = (TypeSerializer<UK>) column.mapKeySerializer();
    }

    /** Sets {@link #keyOut} to the entry of {@code mapKey} in the current map. */
    private void entryKeyOf(UK mapKey) throws IOException {
        keyOf(currentNamespace);
        mapKeys.serialize(mapKey, keyOut);
    }

    @Override
    @SuppressWarnings("unchecked")
    public UV get(UK key) throws Exception {
        entryKeyOf(key);
        return read() ? (UV) column.readMapValue(valueIn) : null;
    }

    @Override
    public void put(UK key, UV value) throws Exception {
        entryKeyOf(key);
        valueOut.clear();
        column.writeMapValue(value, valueOut);
        column.put(keyOut, valueOut);
    }

    @Override
    public void putAll(Map<UK, UV> map) throws Exception {
        if (map != null) {
            for (Map.Entry<UK, UV> e : map.entrySet()) {
                put(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public void remove(UK key) throws Exception {
        entryKeyOf(key);
        column.delete(keyOut);
    }

    @Override
    public boolean contains(UK key) throws Exception {
        entryKeyOf(key);
        return read();
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        byte[] prefix = currentPrefix();
        return () -> new EntryIterator<>(prefix, entry -> entry);
    }

    @Override
    public Iterable<UK> keys() {
        byte[] prefix = currentPrefix();
        return () -> new EntryIterator<>(prefix, Map.Entry::getKey);
    }

    @Override
    public Iterable<UV> values() {
        byte[] prefix = currentPrefix();
        return () -> new EntryIterator<>(prefix, Map.Entry::getValue);
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return new EntryIterator<>(currentPrefix(), entry -> entry);
    }

    @Override
    public boolean isEmpty() {
        return !new EntryIterator<>(currentPrefix(), entry -> entry).hasNext();
    }

    @Override
    public void clear() {
        keyOf(currentNamespace);
        column.deletePrefix(keyOut);
    }

    private byte[] currentPrefix() {
        keyOf(currentNamespace);
        return Arrays.copyOf(keyOut.getSharedBuffer(), keyOut.length());
    }

    /** A map entry that writes {@link #setValue} through to RocksDB. */
    private final class Entry extends AbstractMap.SimpleEntry<UK, UV> {
        final byte[] rawKey;

        Entry(byte[] rawKey, UK key, UV value) {
            super(key, value);
            this.rawKey = rawKey;
        }

        @Override
        public UV setValue(UV value) {
            DataOutputSerializer out = new DataOutputSerializer(64);
            try {
                column.writeMapValue(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot serialize map value " + value, e);
            }
            column.put(rawKey, rawKey.length, out);
            return super.setValue(value);
        }
    }

    /**
     * Walks the entries under one prefix, loading {@link #BATCH} at a time, each batch with a fresh
     * RocksDB iterator closed at once (an abandoned iterator would otherwise pin native memory).
     * Supports {@link #remove()}; entries written while it runs may or may not be seen.
     */
    private final class EntryIterator<T> implements Iterator<T> {
        private final byte[] prefix;
        private final Function<Entry, T> view;
        private final ArrayList<Entry> batch = new ArrayList<>();
        private final DataInputDeserializer in = new DataInputDeserializer();
        private int next;
        private boolean lastBatch;
        private Entry lastReturned;

        EntryIterator(byte[] prefix, Function<Entry, T> view) {
            this.prefix = prefix;
            this.view = view;
        }

        @Override
        public boolean hasNext() {
            if (next == batch.size() && !lastBatch) {
                load();
            }
            return next < batch.size();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            lastReturned = batch.get(next++);
            return view.apply(lastReturned);
        }

        @Override
        public void remove() {
            if (lastReturned == null) {
                throw new IllegalStateException("next() was not called, or remove() was");
            }
            column.delete(lastReturned.rawKey, lastReturned.rawKey.length);
            lastReturned = null;
        }

        @SuppressWarnings("unchecked")
        private void load() {
            byte[] resumeAfter = batch.isEmpty() ? null : batch.get(batch.size() - 1).rawKey;
            batch.clear();
            next = 0;
            try (RocksIterator it = column.newPrefixIterator()) {
                it.seek(resumeAfter == null ? prefix : resumeAfter);
                if (resumeAfter != null && it.isValid() && Arrays.equals(it.key(), resumeAfter)) {
                    it.next();
                }
                for (; it.isValid() && batch.size() < BATCH; it.next()) {
                    byte[] raw = it.key();
                    if (!StateColumn.startsWith(raw, prefix, prefix.length)) {
                        break;
                    }
                    in.setBuffer(raw, prefix.length, raw.length);
                    UK key = mapKeys.deserialize(in);
                    byte[] value = it.value();
                    in.setBuffer(value, 0, value.length);
                    batch.add(new Entry(raw, key, (UV) column.readMapValue(in)));
                }
                column.checkIterator(it);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read map state '" + column.name() + "'", e);
            }
            lastBatch = batch.size() < BATCH;
        }
    }
}
