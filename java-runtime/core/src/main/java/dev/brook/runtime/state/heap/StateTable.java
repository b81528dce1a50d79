package dev.brook.runtime.state.heap;

import dev.brook.runtime.state.KeyGroupRange;
import java.util.HashMap;

/**
 * The entries of one state: per key group, per namespace, per key. Key groups are kept apart so
 * that a snapshot can be written (and a restore redistributed) key group by key group.
 *
 * <p>Threading model: task thread only.
 */
final class StateTable<K, N, V> {

    private final HeapKeyedStateBackend<K> backend;
    private final int firstKeyGroup;
    private final HashMap<N, HashMap<K, V>>[] maps;

    @SuppressWarnings({"unchecked", "rawtypes"})
    StateTable(HeapKeyedStateBackend<K> backend, KeyGroupRange range) {
        this.backend = backend;
        this.firstKeyGroup = range.start();
        this.maps = new HashMap[range.numberOfKeyGroups()];
    }

    private HashMap<K, V> keyMap(N namespace, boolean create) {
        int idx = backend.getCurrentKeyGroup() - firstKeyGroup;
        HashMap<N, HashMap<K, V>> byNamespace = maps[idx];
        if (byNamespace == null) {
            if (!create) {
                return null;
            }
            byNamespace = maps[idx] = new HashMap<>(4);
        }
        HashMap<K, V> byKey = byNamespace.get(namespace);
        if (byKey == null && create) {
            byKey = new HashMap<>();
            byNamespace.put(namespace, byKey);
        }
        return byKey;
    }

    V get(N namespace) {
        HashMap<K, V> m = keyMap(namespace, false);
        return m == null ? null : m.get(backend.getCurrentKey());
    }

    void put(N namespace, V value) {
        keyMap(namespace, true).put(backend.getCurrentKey(), value);
    }

    V remove(N namespace) {
        HashMap<K, V> m = keyMap(namespace, false);
        if (m == null) {
            return null;
        }
        V old = m.remove(backend.getCurrentKey());
        if (m.isEmpty()) {
            maps[backend.getCurrentKeyGroup() - firstKeyGroup].remove(namespace);
        }
        return old;
    }

    /** Number of (key, namespace) entries, for tests and metrics. */
    int size() {
        int n = 0;
        for (HashMap<N, HashMap<K, V>> byNamespace : maps) {
            if (byNamespace != null) {
                for (HashMap<K, V> byKey : byNamespace.values()) {
                    n += byKey.size();
                }
            }
        }
        return n;
    }
}
