package dev.brook.runtime.state.heap;

import dev.brook.api.common.state.MapState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

final class HeapMapState<K, N, UK, UV> extends AbstractHeapState<K, N, HashMap<UK, UV>>
        implements MapState<UK, UV> {

    HeapMapState(StateTable<K, N, HashMap<UK, UV>> table, Object defaultNamespace) {
        super(table, defaultNamespace);
    }

    private Map<UK, UV> current() {
        HashMap<UK, UV> m = table.get(currentNamespace);
        return m == null ? Collections.emptyMap() : m;
    }

    private HashMap<UK, UV> currentForWrite() {
        HashMap<UK, UV> m = table.get(currentNamespace);
        if (m == null) {
            m = new HashMap<>();
            table.put(currentNamespace, m);
        }
        return m;
    }

    @Override
    public UV get(UK key) {
        return current().get(key);
    }

    @Override
    public void put(UK key, UV value) {
        currentForWrite().put(key, value);
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map != null && !map.isEmpty()) {
            currentForWrite().putAll(map);
        }
    }

    @Override
    public void remove(UK key) {
        HashMap<UK, UV> m = table.get(currentNamespace);
        if (m != null) {
            m.remove(key);
            if (m.isEmpty()) {
                clear();
            }
        }
    }

    @Override
    public boolean contains(UK key) {
        return current().containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return current().entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        return current().keySet();
    }

    @Override
    public Iterable<UV> values() {
        return current().values();
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return current().entrySet().iterator();
    }

    @Override
    public boolean isEmpty() {
        return current().isEmpty();
    }
}
