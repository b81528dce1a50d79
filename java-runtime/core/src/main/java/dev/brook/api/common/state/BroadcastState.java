package dev.brook.api.common.state;

import java.util.Iterator;
import java.util.Map;

/**
 * Operator state in the form of a map that has the same contents in every parallel instance of an
 * operator: it is written by the broadcast side of a broadcast connected stream, which sees the
 * same elements in every instance, and read by the other side. It belongs to the operator, not to a
 * key, so it is there for every key.
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {

    void put(K key, V value) throws Exception;

    void putAll(Map<K, V> map) throws Exception;

    void remove(K key) throws Exception;

    /** Iterates the entries; the iterator may remove entries and entries may be changed. */
    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    /** The entries, modifiable like those of {@link #iterator()}. */
    Iterable<Map.Entry<K, V>> entries() throws Exception;
}
