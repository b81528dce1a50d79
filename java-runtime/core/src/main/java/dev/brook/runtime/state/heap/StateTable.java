package dev.brook.runtime.state.heap;

import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.VoidNamespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The entries of one state: per key group, per namespace, per key. Key groups are kept apart so
 * that a snapshot can be written (and a restore redistributed) key group by key group. State that
 * is not scoped to a window lives in the {@link VoidNamespace}, which gets maps of its own so that
 * its accesses (the common case) cost one hash lookup, not two.
 *
 * <p>Threading model: task thread only.
 */
final class StateTable<K, N, V> {

    private final HeapKeyedStateBackend<K> backend;
    private final int firstKeyGroup;
    private final KeyMap<K, V>[] voidMaps;
    private final HashMap<N, KeyMap<K, V>>[] namespacedMaps;

    @SuppressWarnings({"unchecked", "rawtypes"})
    StateTable(HeapKeyedStateBackend<K> backend, KeyGroupRange range) {
        this.backend = backend;
        this.firstKeyGroup = range.start();
        this.voidMaps = new KeyMap[range.numberOfKeyGroups()];
        this.namespacedMaps = new HashMap[range.numberOfKeyGroups()];
    }

    private KeyMap<K, V> keyMap(N namespace, boolean create) {
        int idx = backend.getCurrentKeyGroup() - firstKeyGroup;
        if (namespace == VoidNamespace.INSTANCE) {
            KeyMap<K, V> m = voidMaps[idx];
            if (m == null && create) {
                m = voidMaps[idx] = new KeyMap<>();
            }
            return m;
        }
        HashMap<N, KeyMap<K, V>> byNamespace = namespacedMaps[idx];
        if (byNamespace == null) {
            if (!create) {
                return null;
            }
            byNamespace = namespacedMaps[idx] = new HashMap<>(4);
        }
        KeyMap<K, V> byKey = byNamespace.get(namespace);
        if (byKey == null && create) {
            byKey = new KeyMap<>();
            byNamespace.put(namespace, byKey);
        }
        return byKey;
    }

    V get(N namespace) {
        KeyMap<K, V> m = keyMap(namespace, false);
        return m == null ? null : m.get(backend.getCurrentKey());
    }

    void put(N namespace, V value) {
        keyMap(namespace, true).put(backend.getCurrentKey(), value);
    }

    /** Stores {@code value}, reduced with the current value if there is one; returns it. */
    V merge(N namespace, V value, ReduceMerger<V> merger) throws Exception {
        return merger.merge(keyMap(namespace, true), backend.getCurrentKey(), value);
    }

    /**
     * Replaces the current key's value with {@code update(key, value)} (null when absent) in one
     * hash lookup; a null result removes the entry.
     */
    V compute(N namespace, BiFunction<? super K, ? super V, ? extends V> update) {
        return keyMap(namespace, true).compute(backend.getCurrentKey(), update);
    }

    /** Removes the current key's values in all namespaces. */
    void removeCurrentKey() {
        int idx = backend.getCurrentKeyGroup() - firstKeyGroup;
        K key = backend.getCurrentKey();
        KeyMap<K, V> voidMap = voidMaps[idx];
        if (voidMap != null) {
            voidMap.remove(key);
        }
        HashMap<N, KeyMap<K, V>> byNamespace = namespacedMaps[idx];
        if (byNamespace != null) {
            byNamespace.values().removeIf(byKey -> byKey.remove(key) != null && byKey.isEmpty());
        }
    }

    /** The keys with a value under {@code namespace}, in all key groups. */
    List<K> keys(N namespace) {
        ArrayList<K> keys = new ArrayList<>();
        if (namespace == VoidNamespace.INSTANCE) {
            for (KeyMap<K, V> byKey : voidMaps) {
                if (byKey != null) {
                    byKey.addKeysTo(keys);
                }
            }
            return keys;
        }
        for (HashMap<N, KeyMap<K, V>> byNamespace : namespacedMaps) {
            KeyMap<K, V> byKey = byNamespace == null ? null : byNamespace.get(namespace);
            if (byKey != null) {
                byKey.addKeysTo(keys);
            }
        }
        return keys;
    }

    V remove(N namespace) {
        KeyMap<K, V> m = keyMap(namespace, false);
        if (m == null) {
            return null;
        }
        V old = m.remove(backend.getCurrentKey());
        if (m.isEmpty() && namespace != VoidNamespace.INSTANCE) {
            namespacedMaps[backend.getCurrentKeyGroup() - firstKeyGroup].remove(namespace);
        }
        return old;
    }
}
