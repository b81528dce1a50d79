package dev.brook.api.common.state;

import java.util.Map;

/**
 * A read-only view of a {@link BroadcastState}, as the non-broadcast side of a broadcast connected
 * stream sees it. Only the broadcast side may change broadcast state: it sees every broadcast
 * element in every parallel instance, so changes made there keep all instances' copies equal.
 */
public interface ReadOnlyBroadcastState<K, V> extends State {

    /** The value stored under {@code key}, or null if there is none. */
    V get(K key) throws Exception;

    boolean contains(K key) throws Exception;

    /** The entries, unmodifiable: neither the iteration nor the entries may change the state. */
    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
