package dev.brook.contrib.streaming.state;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyedStateSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;

/**
 * Reads RocksDB columns into the backend-independent {@link KeyedStateSnapshot}: from the live
 * database at a RocksDB snapshot (full checkpoints, on the task thread), or from a RocksDB
 * checkpoint's copy (savepoints and in-memory checkpoints of a backend with incremental
 * checkpoints, on an I/O thread).
 */
final class RocksDBFullSnapshot {

    private RocksDBFullSnapshot() {}

    /**
     * The entries of {@code columns} in the key groups of {@code keyGroupRange}, as {@code options}
     * say to read them (they must ask for total order seek); keys are written with {@code
     * keySerializer}.
     */
    static KeyedStateSnapshot read(
            List<StateColumn> columns,
            KeyGroupRange keyGroupRange,
            TypeSerializer<?> keySerializer,
            ReadOptions options)
            throws IOException {
        List<KeyedStateSnapshot.StateMeta> metas = new ArrayList<>();
        for (StateColumn column : columns) {
            metas.add(withKeys(column.layout(), keySerializer));
        }
        List<RocksIterator> iterators = new ArrayList<>(columns.size());
        try {
            for (StateColumn column : columns) {
                RocksIterator it = column.newIterator(options);
                iterators.add(it);
                it.seekToFirst();
            }
            return new KeyedStateSnapshot(
                    metas, writeKeyGroups(keyGroupRange, columns, metas, iterators));
        } finally {
            iterators.forEach(RocksIterator::close);
        }
    }

    /** {@code meta} with {@code keySerializer} for the keys. */
    static KeyedStateSnapshot.StateMeta withKeys(
            KeyedStateSnapshot.StateMeta meta, TypeSerializer<?> keySerializer) {
        return new KeyedStateSnapshot.StateMeta(
                meta.name(),
                meta.kind(),
                meta.timeToLive(),
                meta.namespaceSerializer(),
                keySerializer,
                meta.valueSerializer());
    }

    /**
     * Writes each key group's entries of every column, in the order of {@code columns}; the
     * iterators walk the columns in step, key group by key group.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SortedMap<Integer, byte[]> writeKeyGroups(
            KeyGroupRange keyGroupRange,
            List<StateColumn> columns,
            List<KeyedStateSnapshot.StateMeta> metas,
            List<RocksIterator> iterators)
            throws IOException {
        SortedMap<Integer, byte[]> keyGroups = new TreeMap<>();
        DataOutputSerializer out = new DataOutputSerializer(4096);
        for (int keyGroup = keyGroupRange.start(); keyGroup <= keyGroupRange.end(); keyGroup++) {
            out.clear();
            boolean any = false;
            for (int i = 0; i < columns.size(); i++) {
                KeyedStateSnapshot.StateMeta meta = metas.get(i);
                TypeSerializer namespaces = meta.namespaceSerializer();
                TypeSerializer keys = meta.keySerializer();
                TypeSerializer values = meta.valueSerializer();
                any |=
                        columns.get(i)
                                .readEntries(
                                        iterators.get(i),
                                        keyGroup,
                                        (namespace, key, value) -> {
                                            out.writeBoolean(true);
                                            namespaces.serialize(namespace, out);
                                            keys.serialize(key, out);
                                            values.serialize(value, out);
                                        });
                out.writeBoolean(false);
            }
            if (any) {
                keyGroups.put(keyGroup, out.toByteArray());
            }
        }
        return keyGroups;
    }
}
