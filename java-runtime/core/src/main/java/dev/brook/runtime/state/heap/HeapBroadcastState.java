package dev.brook.runtime.state.heap;

import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.runtime.state.OperatorStateContents;
import dev.brook.runtime.state.OperatorStateContents.Mode;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** A broadcast state: one map for the whole parallel instance. */
final class HeapBroadcastState<K, V>
        implements BroadcastState<K, V>, HeapOperatorStateBackend.RegisteredState {

    private final MapStateDescriptor<K, V> descriptor;
    private final HashMap<K, V> map = new HashMap<>();

    HeapBroadcastState(MapStateDescriptor<K, V> descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public MapStateDescriptor<K, V> descriptor() {
        return descriptor;
    }

    @Override
    public Mode mode() {
        return Mode.BROADCAST;
    }

    @Override
    public OperatorStateContents contents() {
        return OperatorStateContents.broadcast(
                map,
                descriptor.getKeyTypeInformation().createSerializer(),
                descriptor.getValueTypeInformation().createSerializer());
    }

    @Override
    @SuppressWarnings("unchecked") // restored from a state of the same name and mode
    public void restore(OperatorStateContents restored) {
        map.putAll((Map<K, V>) restored.entries());
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        map.putAll(entries);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return map.entrySet().iterator();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    @Override
    public void clear() {
        map.clear();
    }
}
