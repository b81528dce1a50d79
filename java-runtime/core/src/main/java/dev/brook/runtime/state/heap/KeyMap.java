package dev.brook.runtime.state.heap;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The values of one state in one key group and namespace, by key. While every key is a {@code Long}
 * (numeric ids, the common case), entries live in an open-addressing table of primitive longs with
 * linear probing: a lookup compares keys in place instead of following the reference to a boxed
 * key, one cache miss less per access when the state is larger than the caches. The first key of
 * another type moves the entries into a {@link HashMap} for good. Values are never null.
 *
 * <p>Threading model: task thread only.
 */
final class KeyMap<K, V> {

    private static final int INITIAL_CAPACITY = 16;

    /** Long mode: keys, and values (null marks a free slot). */
    private long[] longKeys;

    private Object[] values;
    private int size;
    private int shift;

    /** Object mode, once a key other than a Long has been seen; then the arrays are null. */
    private HashMap<K, V> objects;

    KeyMap() {
        longKeys = new long[INITIAL_CAPACITY];
        values = new Object[INITIAL_CAPACITY];
        shift = 64 - Integer.numberOfTrailingZeros(INITIAL_CAPACITY);
    }

    /** Fibonacci hashing: the top bits of the key times the golden ratio. */
    private int home(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** The slot holding {@code key}, or the free slot where it would go, as {@code -slot - 1}. */
    private int find(long key) {
        int mask = values.length - 1;
        int i = home(key);
        while (values[i] != null) {
            if (longKeys[i] == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -i - 1;
    }

    @SuppressWarnings("unchecked")
    V get(K key) {
        if (objects != null) {
            return objects.get(key);
        }
        if (!(key instanceof Long l)) {
            return null;
        }
        int slot = find(l);
        return slot >= 0 ? (V) values[slot] : null;
    }

    /** Stores {@code value} (null removes the key); returns the previous value. */
    @SuppressWarnings("unchecked")
    V put(K key, V value) {
        if (value == null) {
            return remove(key);
        }
        if (objects == null && !(key instanceof Long)) {
            toObjects();
        }
        if (objects != null) {
            return objects.put(key, value);
        }
        int slot = find((Long) key);
        if (slot >= 0) {
            V old = (V) values[slot];
            values[slot] = value;
            return old;
        }
        insert(-slot - 1, (Long) key, value);
        return null;
    }

    @SuppressWarnings("unchecked")
    V remove(K key) {
        if (objects != null) {
            return objects.remove(key);
        }
        if (!(key instanceof Long l)) {
            return null;
        }
        int slot = find(l);
        if (slot < 0) {
            return null;
        }
        V old = (V) values[slot];
        delete(slot);
        return old;
    }

    /** As {@link Map#compute}: the new value for the key from its current one (null if none). */
    @SuppressWarnings("unchecked")
    V compute(K key, BiFunction<? super K, ? super V, ? extends V> update) {
        if (objects == null && !(key instanceof Long)) {
            toObjects();
        }
        if (objects != null) {
            return objects.compute(key, update);
        }
        int slot = find((Long) key);
        V old = slot >= 0 ? (V) values[slot] : null;
        V updated = update.apply(key, old);
        if (updated == null) {
            if (slot >= 0) {
                delete(slot);
            }
        } else if (slot >= 0) {
            values[slot] = updated;
        } else {
            insert(-slot - 1, (Long) key, updated);
        }
        return updated;
    }

    /** As {@link Map#merge}: stores {@code value}, combined with the current value if any. */
    @SuppressWarnings("unchecked")
    V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> combine) {
        if (objects == null && !(key instanceof Long)) {
            toObjects();
        }
        if (objects != null) {
            return objects.merge(key, value, combine);
        }
        int slot = find((Long) key);
        if (slot < 0) {
            insert(-slot - 1, (Long) key, value);
            return value;
        }
        V merged = combine.apply((V) values[slot], value);
        if (merged == null) {
            delete(slot);
        } else {
            values[slot] = merged;
        }
        return merged;
    }

    boolean isEmpty() {
        return objects != null ? objects.isEmpty() : size == 0;
    }

    /** Receives entries; may throw what its work throws (writing a snapshot: IOException). */
    @FunctionalInterface
    interface EntryVisitor<K, V, E extends Exception> {
        void visit(K key, V value) throws E;
    }

    /** Calls {@code visitor} for every entry. */
    @SuppressWarnings("unchecked")
    <E extends Exception> void forEach(EntryVisitor<K, V, E> visitor) throws E {
        if (objects != null) {
            for (Map.Entry<K, V> e : objects.entrySet()) {
                visitor.visit(e.getKey(), e.getValue());
            }
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                visitor.visit((K) Long.valueOf(longKeys[i]), (V) values[i]);
            }
        }
    }

    private void insert(int slot, long key, V value) {
        longKeys[slot] = key;
        values[slot] = value;
        if (++size * 4 > values.length * 3) {
            grow();
        }
    }

    /** Frees {@code slot}, moving later entries of its probe run back so no lookup misses them. */
    private void delete(int slot) {
        int mask = values.length - 1;
        int free = slot;
        values[free] = null;
        size--;
        for (int i = (free + 1) & mask; values[i] != null; i = (i + 1) & mask) {
            int home = home(longKeys[i]);
            // The entry may fill the gap unless its home lies cyclically in (free, i].
            if (((i - home) & mask) >= ((i - free) & mask)) {
                longKeys[free] = longKeys[i];
                values[free] = values[i];
                values[i] = null;
                free = i;
            }
        }
    }

    private void grow() {
        long[] oldKeys = longKeys;
        Object[] oldValues = values;
        longKeys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        shift--;
        int mask = values.length - 1;
        for (int j = 0; j < oldValues.length; j++) {
            if (oldValues[j] != null) {
                int i = home(oldKeys[j]);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                longKeys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void toObjects() {
        objects = new HashMap<>(Math.max(16, size * 2));
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                objects.put((K) Long.valueOf(longKeys[i]), (V) values[i]);
            }
        }
        longKeys = null;
        values = null;
        size = 0;
    }
}
