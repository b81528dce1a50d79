package dev.brook.streaming.runtime.operators.timers;

import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.LongSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.runtime.state.KeyedStateSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Timers in checkpoints. They are written in the form of keyed state ({@link KeyedStateSnapshot}):
 * one "state" per timer service and time domain, named {@code <service>/event} or {@code
 * <service>/processing}, whose entries are (namespace, key, timestamp) by key group. So timers are
 * split and merged with the keys they belong to when a job is restored at another parallelism.
 */
public final class TimerSnapshots {

    private static final String EVENT = "/event";
    private static final String PROCESSING = "/processing";

    private TimerSnapshots() {}

    /** The timers of {@code services} (by name), or null when there are none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K> KeyedStateSnapshot snapshot(
            Map<String, InternalTimerService<?, ?>> services,
            TypeSerializer<K> keySerializer,
            int maxParallelism)
            throws IOException {
        List<KeyedStateSnapshot.StateMeta> metas = new ArrayList<>();
        List<Map<Integer, List<InternalTimer<?, ?>>>> byState = new ArrayList<>();
        boolean any = false;
        for (Map.Entry<String, InternalTimerService<?, ?>> e : services.entrySet()) {
            InternalTimerService<?, ?> service = e.getValue();
            for (boolean event : new boolean[] {true, false}) {
                Collection<? extends InternalTimer<?, ?>> timers =
                        event ? service.eventTimers() : service.processingTimers();
                any |= !timers.isEmpty();
                metas.add(
                        new KeyedStateSnapshot.StateMeta(
                                e.getKey() + (event ? EVENT : PROCESSING),
                                StateDescriptor.Type.VALUE,
                                false,
                                service.getNamespaceSerializer(),
                                keySerializer,
                                LongSerializer.INSTANCE));
                Map<Integer, List<InternalTimer<?, ?>>> byGroup = new HashMap<>();
                for (InternalTimer<?, ?> timer : timers) {
                    int group =
                            KeyGroupRangeAssignment.assignToKeyGroup(timer.key(), maxParallelism);
                    byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(timer);
                }
                byState.add(byGroup);
            }
        }
        if (!any) {
            return null;
        }
        TreeMap<Integer, byte[]> keyGroups = new TreeMap<>();
        java.util.TreeSet<Integer> groups = new java.util.TreeSet<>();
        byState.forEach(m -> groups.addAll(m.keySet()));
        DataOutputSerializer out = new DataOutputSerializer(256);
        for (int group : groups) {
            out.clear();
            for (int i = 0; i < metas.size(); i++) {
                TypeSerializer namespaces = metas.get(i).namespaceSerializer();
                for (InternalTimer<?, ?> timer : byState.get(i).getOrDefault(group, List.of())) {
                    out.writeBoolean(true);
                    namespaces.serialize(timer.namespace(), out);
                    keySerializer.serialize((K) timer.key(), out);
                    out.writeLong(timer.timestamp());
                }
                out.writeBoolean(false);
            }
            keyGroups.put(group, out.toByteArray());
        }
        return new KeyedStateSnapshot(metas, keyGroups);
    }

    /**
     * Adds to {@code service} (named {@code name}) its timers in {@code snapshots} whose key groups
     * are in {@code range}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, N> void restore(
            String name,
            InternalTimerService<K, N> service,
            Collection<KeyedStateSnapshot> snapshots,
            KeyGroupRange range)
            throws IOException {
        for (KeyedStateSnapshot snapshot : snapshots) {
            List<KeyedStateSnapshot.StateMeta> metas = snapshot.states();
            for (Map.Entry<Integer, byte[]> group : snapshot.keyGroups().entrySet()) {
                if (!range.contains(group.getKey())) {
                    continue;
                }
                DataInputDeserializer in = new DataInputDeserializer(group.getValue());
                for (KeyedStateSnapshot.StateMeta meta : metas) {
                    boolean event = meta.name().equals(name + EVENT);
                    boolean mine = event || meta.name().equals(name + PROCESSING);
                    TypeSerializer namespaces = meta.namespaceSerializer();
                    TypeSerializer keys = meta.keySerializer();
                    while (in.readBoolean()) {
                        Object namespace = namespaces.deserialize(in);
                        Object key = keys.deserialize(in);
                        long timestamp = in.readLong();
                        if (!mine) {
                            continue;
                        }
                        InternalTimer<K, N> timer =
                                new InternalTimer<>(timestamp, (K) key, (N) namespace);
                        if (event) {
                            service.restoreEventTimer(timer);
                        } else {
                            service.restoreProcessingTimer(timer);
                        }
                    }
                }
            }
        }
    }
}
