package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.state.BroadcastState;
import java.util.Iterator;
import java.util.Map;

/**
 * The broadcast state as the non-broadcast side sees it. It implements {@link BroadcastState} so
 * that a cast to it succeeds, but every change fails: a change made from a non-broadcast element
 * would happen in one parallel instance only, and the instances' copies would drift apart.
 */
final class ReadOnlyBroadcastStateView<K, V> implements BroadcastState<K, V> {

    private final String name;
    private final BroadcastState<K, V> state;

    ReadOnlyBroadcastStateView(String name, BroadcastState<K, V> state) {
        this.name = name;
        this.state = state;
    }

    @Override
    public V get(K key) throws Exception {
        return state.get(key);
    }

    @Override
    public boolean contains(K key) throws Exception {
        return state.contains(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
        return state.immutableEntries();
    }

    /** Iterates the entries; neither the iterator nor the entries can change the state. */
    @Override
    public Iterator<Map.Entry<K, V>> iterator() throws Exception {
        return immutableEntries().iterator();
    }

    /** The entries, unmodifiable. */
    @Override
    public Iterable<Map.Entry<K, V>> entries() throws Exception {
        return immutableEntries();
    }

    @Override
    public void put(K key, V value) {
        throw readOnly("put");
    }

    @Override
    public void putAll(Map<K, V> map) {
        throw readOnly("putAll");
    }

    @Override
    public void remove(K key) {
        throw readOnly("remove");
    }

    @Override
    public void clear() {
        throw readOnly("clear");
    }

    private UnsupportedOperationException readOnly(String method) {
        return new UnsupportedOperationException(
                "Cannot "
                        + method
                        + "() on broadcast state '"
                        + name
                        + "': it is read-only in processElement() and onTimer(), because a change"
                        + " there would reach only one parallel instance. Change broadcast state"
                        + " in processBroadcastElement(), which every instance runs for every"
                        + " broadcast element.");
    }

    @Override
    public String toString() {
        return "read-only broadcast state '" + name + "'";
    }
}
