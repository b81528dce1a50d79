package dev.brook.runtime.state.heap;

import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.VoidNamespace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The entries of one state: per namespace, per key group, per key. Key groups are kept apart so
 * that a snapshot can be written (and a restore redistributed) key group by key group. State that
 * is not scoped to a window lives in the {@link VoidNamespace}, which gets its own array of maps so
 * that its accesses (the common case) cost one hash lookup. Other namespaces (windows) are found in
 * a map, with the last one used remembered: consecutive records mostly fall into the same window,
 * so a namespaced access costs an equality check and one hash lookup.
 *
 * <p>Threading model: task thread only.
 */
final class StateTable<K, N, V> {

    private final HeapKeyedStateBackend<K> backend;
    private final int firstKeyGroup;
    private final int keyGroups;
    private final KeyMap<K, V>[] voidMaps;
    private final HashMap<N, Namespace<K, V>> namespaces = new HashMap<>();
    private N lastNamespace;
    private Namespace<K, V> lastMaps;

    /** The maps of one namespace, by key group, and how many of them are not empty. */
    private static final class Namespace<K, V> {
        final KeyMap<K, V>[] byKeyGroup;
        int nonEmpty;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Namespace(int keyGroups) {
            byKeyGroup = new KeyMap[keyGroups];
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    StateTable(HeapKeyedStateBackend<K> backend, KeyGroupRange range) {
        this.backend = backend;
        this.firstKeyGroup = range.start();
        this.keyGroups = range.numberOfKeyGroups();
        this.voidMaps = new KeyMap[keyGroups];
    }

    private Namespace<K, V> namespace(N namespace, boolean create) {
        if (lastMaps != null && lastNamespace.equals(namespace)) {
            return lastMaps;
        }
        Namespace<K, V> maps = namespaces.get(namespace);
        if (maps == null) {
            if (!create) {
                return null;
            }
            maps = new Namespace<>(keyGroups);
            namespaces.put(namespace, maps);
        }
        lastNamespace = namespace;
        lastMaps = maps;
        return maps;
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
        Namespace<K, V> maps = namespace(namespace, create);
        if (maps == null) {
            return null;
        }
        KeyMap<K, V> m = maps.byKeyGroup[idx];
        if (m == null && create) {
            m = maps.byKeyGroup[idx] = new KeyMap<>();
            maps.nonEmpty++;
        }
        return m;
    }

    /** Drops the current key group's map of {@code namespace} if an update left it empty. */
    private void dropIfEmpty(N namespace, KeyMap<K, V> m) {
        if (namespace == VoidNamespace.INSTANCE || !m.isEmpty()) {
            return;
        }
        Namespace<K, V> maps = namespace(namespace, false);
        maps.byKeyGroup[backend.getCurrentKeyGroup() - firstKeyGroup] = null;
        if (--maps.nonEmpty == 0) {
            namespaces.remove(namespace);
            lastNamespace = null;
            lastMaps = null;
        }
    }

    V get(N namespace) {
        KeyMap<K, V> m = keyMap(namespace, false);
        return m == null ? null : m.get(backend.getCurrentKey());
    }

    void put(N namespace, V value) {
        if (value == null) {
            remove(namespace);
        } else {
            keyMap(namespace, true).put(backend.getCurrentKey(), value);
        }
    }

    /** Stores {@code value}, reduced with the current value if there is one; returns it. */
    V merge(N namespace, V value, ReduceMerger<V> merger) throws Exception {
        KeyMap<K, V> m = keyMap(namespace, true);
        V merged = merger.merge(m, backend.getCurrentKey(), value);
        if (merged == null) {
            dropIfEmpty(namespace, m);
        }
        return merged;
    }

    /**
     * Replaces the current key's value with {@code update(key, value)} (null when absent) in one
     * hash lookup; a null result removes the entry.
     */
    V compute(N namespace, BiFunction<? super K, ? super V, ? extends V> update) {
        KeyMap<K, V> m = keyMap(namespace, true);
        V updated = m.compute(backend.getCurrentKey(), update);
        if (updated == null) {
            dropIfEmpty(namespace, m);
        }
        return updated;
    }

    V remove(N namespace) {
        KeyMap<K, V> m = keyMap(namespace, false);
        if (m == null) {
            return null;
        }
        V old = m.remove(backend.getCurrentKey());
        dropIfEmpty(namespace, m);
        return old;
    }

    /** Removes the current key's values in all namespaces. */
    void removeCurrentKey() {
        int idx = backend.getCurrentKeyGroup() - firstKeyGroup;
        K key = backend.getCurrentKey();
        KeyMap<K, V> voidMap = voidMaps[idx];
        if (voidMap != null) {
            voidMap.remove(key);
        }
        for (Iterator<Namespace<K, V>> it = namespaces.values().iterator(); it.hasNext(); ) {
            Namespace<K, V> maps = it.next();
            KeyMap<K, V> m = maps.byKeyGroup[idx];
            if (m != null && m.remove(key) != null && m.isEmpty()) {
                maps.byKeyGroup[idx] = null;
                if (--maps.nonEmpty == 0) {
                    it.remove();
                    if (maps == lastMaps) {
                        lastNamespace = null;
                        lastMaps = null;
                    }
                }
            }
        }
    }

    /** Receives the entries of one key group. */
    @FunctionalInterface
    interface EntryVisitor<N, K, V> {
        void visit(N namespace, K key, V value) throws IOException;
    }

    /** Calls {@code visitor} for every entry of {@code keyGroup}, in all namespaces. */
    @SuppressWarnings("unchecked")
    void forEachInKeyGroup(int keyGroup, EntryVisitor<N, K, V> visitor) throws IOException {
        int idx = keyGroup - firstKeyGroup;
        KeyMap<K, V> voidMap = voidMaps[idx];
        if (voidMap != null) {
            N none = (N) VoidNamespace.INSTANCE;
            voidMap.forEach((key, value) -> visitor.visit(none, key, value));
        }
        for (var namespace : namespaces.entrySet()) {
            KeyMap<K, V> m = namespace.getValue().byKeyGroup[idx];
            if (m != null) {
                m.forEach((key, value) -> visitor.visit(namespace.getKey(), key, value));
            }
        }
    }

    /** The namespaces other than the void namespace that hold values. */
    List<N> namespaces() {
        return new ArrayList<>(namespaces.keySet());
    }

    /** The keys with a value under {@code namespace}, in all key groups. */
    List<K> keys(N namespace) {
        ArrayList<K> keys = new ArrayList<>();
        KeyMap<K, V>[] maps;
        if (namespace == VoidNamespace.INSTANCE) {
            maps = voidMaps;
        } else {
            Namespace<K, V> ns = namespaces.get(namespace);
            if (ns == null) {
                return keys;
            }
            maps = ns.byKeyGroup;
        }
        for (KeyMap<K, V> byKey : maps) {
            if (byKey != null) {
                byKey.forEach((key, value) -> keys.add(key));
            }
        }
        return keys;
    }
}
