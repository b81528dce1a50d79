package dev.brook.runtime.state.ttl;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.state.AggregatingState;
import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.state.StateTtlConfig;
import dev.brook.api.common.state.ValueState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Time-to-live for keyed state: decorators that store each value (each list element, each map
 * entry) with the time it was last written, or also read with {@link
 * StateTtlConfig.UpdateType#OnReadAndWrite}, and treat it as absent once {@code ttl} has passed.
 * Expired values are removed when they are next accessed. With {@link
 * StateTtlConfig.StateVisibility#ReturnExpiredIfNotCleanedUp} that access still returns them once.
 */
public final class TtlStates {

    private TtlStates() {}

    /**
     * The TTL decorator of {@code descriptor}'s kind over a backend's plain states, which store the
     * values with their access time: {@code value}, {@code list} and {@code map} create the plain
     * state the kind needs (reducing and aggregating state keep their value in a value state).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static State decorate(
            StateDescriptor<?, ?> descriptor,
            LongSupplier clock,
            Supplier<ValueState<?>> value,
            Supplier<ListState<?>> list,
            Supplier<MapState<?, ?>> map) {
        StateTtlConfig ttl = descriptor.getTtlConfig();
        return switch (descriptor.getType()) {
            case VALUE -> new TtlValueState(value.get(), ttl, clock);
            case LIST -> new TtlListState(list.get(), ttl, clock);
            case MAP -> new TtlMapState(map.get(), ttl, clock);
            case REDUCING ->
                    new TtlReducingState(
                            new TtlValueState(value.get(), ttl, clock),
                            ((ReducingStateDescriptor) descriptor).getReduceFunction());
            case AGGREGATING ->
                    new TtlAggregatingState(
                            new TtlValueState(value.get(), ttl, clock),
                            ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
        };
    }

    /** A stored value and when it was last accessed (as the TTL config counts access). */
    public record TtlValue<V>(V value, long lastAccess) {}

    /** What all decorators share: the config, the clock, and the expiry test. */
    private abstract static class Ttl {
        final long ttl;
        final boolean refreshOnRead;
        final boolean returnExpired;
        final LongSupplier clock;

        Ttl(StateTtlConfig config, LongSupplier clock) {
            this.ttl = config.getTimeToLive().toMillis();
            this.refreshOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
            this.returnExpired =
                    config.getStateVisibility()
                            == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
            this.clock = clock;
        }

        boolean expired(TtlValue<?> v, long now) {
            return v.lastAccess() + ttl <= now;
        }
    }

    /** A single value: for value state, and as the store of reducing and aggregating state. */
    public static final class TtlValueState<V> extends Ttl implements ValueState<V> {
        private final ValueState<TtlValue<V>> inner;

        public TtlValueState(
                ValueState<TtlValue<V>> inner, StateTtlConfig config, LongSupplier clock) {
            super(config, clock);
            this.inner = inner;
        }

        /** The live value, or null; removes an expired one. */
        V read(boolean refresh) throws IOException {
            TtlValue<V> v = inner.value();
            if (v == null) {
                return null;
            }
            long now = clock.getAsLong();
            if (expired(v, now)) {
                inner.clear();
                return returnExpired ? v.value() : null;
            }
            if (refresh) {
                inner.update(new TtlValue<>(v.value(), now));
            }
            return v.value();
        }

        /** The live value without counting as a read. */
        V peek() throws IOException {
            TtlValue<V> v = inner.value();
            return v == null || expired(v, clock.getAsLong()) ? null : v.value();
        }

        @Override
        public V value() throws IOException {
            return read(refreshOnRead);
        }

        @Override
        public void update(V value) throws IOException {
            if (value == null) {
                inner.clear();
            } else {
                inner.update(new TtlValue<>(value, clock.getAsLong()));
            }
        }

        @Override
        public void clear() {
            inner.clear();
        }
    }

    /** Reducing state with a TTL on the reduced value. */
    public static final class TtlReducingState<V> implements ReducingState<V> {
        private final TtlValueState<V> store;
        private final ReduceFunction<V> function;

        public TtlReducingState(TtlValueState<V> store, ReduceFunction<V> function) {
            this.store = store;
            this.function = function;
        }

        @Override
        public V get() throws Exception {
            return store.value();
        }

        @Override
        public void add(V value) throws Exception {
            V current = store.peek();
            store.update(current == null ? value : function.reduce(current, value));
        }

        @Override
        public void clear() {
            store.clear();
        }
    }

    /** Aggregating state with a TTL on the accumulator. */
    public static final class TtlAggregatingState<IN, ACC, OUT>
            implements AggregatingState<IN, OUT> {
        private final TtlValueState<ACC> store;
        private final AggregateFunction<IN, ACC, OUT> function;

        public TtlAggregatingState(
                TtlValueState<ACC> store, AggregateFunction<IN, ACC, OUT> function) {
            this.store = store;
            this.function = function;
        }

        @Override
        public OUT get() throws Exception {
            ACC acc = store.value();
            return acc == null ? null : function.getResult(acc);
        }

        @Override
        public void add(IN value) throws Exception {
            ACC acc = store.peek();
            store.update(function.add(value, acc == null ? function.createAccumulator() : acc));
        }

        @Override
        public void clear() {
            store.clear();
        }
    }

    /** List state with a TTL per element. */
    public static final class TtlListState<V> extends Ttl implements ListState<V> {
        private final ListState<TtlValue<V>> inner;

        public TtlListState(
                ListState<TtlValue<V>> inner, StateTtlConfig config, LongSupplier clock) {
            super(config, clock);
            this.inner = inner;
        }

        @Override
        public Iterable<V> get() throws Exception {
            long now = clock.getAsLong();
            List<V> live = new ArrayList<>();
            List<TtlValue<V>> kept = new ArrayList<>();
            boolean changed = false;
            for (TtlValue<V> v : inner.get()) {
                if (expired(v, now)) {
                    changed = true;
                    if (returnExpired) {
                        live.add(v.value());
                    }
                } else {
                    live.add(v.value());
                    kept.add(refreshOnRead ? new TtlValue<>(v.value(), now) : v);
                    changed |= refreshOnRead;
                }
            }
            if (changed) {
                inner.update(kept);
            }
            return live;
        }

        @Override
        public void add(V value) throws Exception {
            inner.add(new TtlValue<>(value, clock.getAsLong()));
        }

        @Override
        public void update(List<V> values) throws Exception {
            long now = clock.getAsLong();
            List<TtlValue<V>> stamped = new ArrayList<>();
            if (values != null) {
                for (V v : values) {
                    stamped.add(new TtlValue<>(v, now));
                }
            }
            inner.update(stamped);
        }

        @Override
        public void addAll(List<V> values) throws Exception {
            if (values != null) {
                for (V v : values) {
                    add(v);
                }
            }
        }

        @Override
        public void clear() {
            inner.clear();
        }
    }

    /** Map state with a TTL per entry. */
    public static final class TtlMapState<UK, UV> extends Ttl implements MapState<UK, UV> {
        private final MapState<UK, TtlValue<UV>> inner;

        public TtlMapState(
                MapState<UK, TtlValue<UV>> inner, StateTtlConfig config, LongSupplier clock) {
            super(config, clock);
            this.inner = inner;
        }

        @Override
        public UV get(UK key) throws Exception {
            TtlValue<UV> v = inner.get(key);
            if (v == null) {
                return null;
            }
            long now = clock.getAsLong();
            if (expired(v, now)) {
                inner.remove(key);
                return returnExpired ? v.value() : null;
            }
            if (refreshOnRead) {
                inner.put(key, new TtlValue<>(v.value(), now));
            }
            return v.value();
        }

        @Override
        public void put(UK key, UV value) throws Exception {
            inner.put(key, new TtlValue<>(value, clock.getAsLong()));
        }

        @Override
        public void putAll(Map<UK, UV> map) throws Exception {
            if (map != null) {
                for (Map.Entry<UK, UV> e : map.entrySet()) {
                    put(e.getKey(), e.getValue());
                }
            }
        }

        @Override
        public void remove(UK key) throws Exception {
            inner.remove(key);
        }

        @Override
        public boolean contains(UK key) throws Exception {
            return get(key) != null;
        }

        /**
         * The live entries; expired ones are removed (and, if so configured, listed this once). The
         * inner map is changed after the iteration, which must not see its own changes.
         */
        private Map<UK, UV> live() throws Exception {
            long now = clock.getAsLong();
            Map<UK, UV> live = new LinkedHashMap<>();
            Map<UK, TtlValue<UV>> changes = new HashMap<>(); // a null value removes the entry
            for (Map.Entry<UK, TtlValue<UV>> e : inner.entries()) {
                TtlValue<UV> v = e.getValue();
                if (expired(v, now)) {
                    changes.put(e.getKey(), null);
                    if (!returnExpired) {
                        continue;
                    }
                } else if (refreshOnRead) {
                    changes.put(e.getKey(), new TtlValue<>(v.value(), now));
                }
                live.put(e.getKey(), v.value());
            }
            for (Map.Entry<UK, TtlValue<UV>> c : changes.entrySet()) {
                if (c.getValue() == null) {
                    inner.remove(c.getKey());
                } else {
                    inner.put(c.getKey(), c.getValue());
                }
            }
            return Collections.unmodifiableMap(live);
        }

        @Override
        public Iterable<Map.Entry<UK, UV>> entries() throws Exception {
            return live().entrySet();
        }

        @Override
        public Iterable<UK> keys() throws Exception {
            return live().keySet();
        }

        @Override
        public Iterable<UV> values() throws Exception {
            return live().values();
        }

        @Override
        public Iterator<Map.Entry<UK, UV>> iterator() throws Exception {
            return live().entrySet().iterator();
        }

        @Override
        public boolean isEmpty() throws Exception {
            return live().isEmpty();
        }

        @Override
        public void clear() {
            inner.clear();
        }
    }
}
