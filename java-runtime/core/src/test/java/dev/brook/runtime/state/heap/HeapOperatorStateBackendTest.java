package dev.brook.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.StateTtlConfig;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.runtime.state.OperatorStateContents;
import dev.brook.runtime.state.OperatorStateContents.Mode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Operator state on the heap: list, union list and broadcast states, snapshot and restore. */
class HeapOperatorStateBackendTest {

    private static final ListStateDescriptor<String> BUFFER =
            new ListStateDescriptor<>("buffer", Types.STRING);
    private static final ListStateDescriptor<Long> OFFSETS =
            new ListStateDescriptor<>("offsets", Types.LONG);
    private static final MapStateDescriptor<String, Integer> RULES =
            new MapStateDescriptor<>("rules", Types.STRING, Types.INT);

    private final HeapOperatorStateBackend backend = new HeapOperatorStateBackend();

    @Test
    void listStateKeepsElementsAndIsTheSameObjectForTheSameName() throws Exception {
        ListState<String> buffer = backend.getListState(BUFFER);
        assertThat(buffer.get()).isEmpty();

        buffer.add("a");
        buffer.addAll(List.of("b", "c"));
        assertThat(backend.getListState(BUFFER)).isSameAs(buffer);
        assertThat(buffer.get()).containsExactly("a", "b", "c");

        buffer.update(List.of("z"));
        assertThat(buffer.get()).containsExactly("z");
        assertThatThrownBy(() -> ((List<String>) buffer.get()).add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> buffer.add(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null elements");

        buffer.clear();
        assertThat(buffer.get()).isEmpty();
    }

    @Test
    void broadcastStateIsAMapWithReadOnlyEntriesOnRequest() throws Exception {
        BroadcastState<String, Integer> rules = backend.getBroadcastState(RULES);
        rules.put("hot", 30);
        rules.putAll(Map.of("cold", 5, "warm", 20));
        rules.remove("warm");

        assertThat(backend.getBroadcastState(RULES)).isSameAs(rules);
        assertThat(rules.get("hot")).isEqualTo(30);
        assertThat(rules.get("warm")).isNull();
        assertThat(rules.contains("cold")).isTrue();
        assertThat(rules.entries()).extracting(Map.Entry::getKey).containsOnly("hot", "cold");

        Iterator<Map.Entry<String, Integer>> readOnly = rules.immutableEntries().iterator();
        Map.Entry<String, Integer> first = readOnly.next();
        assertThatThrownBy(() -> first.setValue(0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(readOnly::remove).isInstanceOf(UnsupportedOperationException.class);

        Iterator<Map.Entry<String, Integer>> it = rules.iterator();
        it.next();
        it.remove();
        assertThat(rules.entries()).hasSize(1);
    }

    @Test
    void registeredNamesAreListedByKind() throws Exception {
        backend.getListState(BUFFER);
        backend.getUnionListState(OFFSETS);
        backend.getBroadcastState(RULES);

        assertThat(backend.getRegisteredStateNames()).containsExactly("buffer", "offsets");
        assertThat(backend.getRegisteredBroadcastStateNames()).containsExactly("rules");
    }

    @Test
    void aNameCannotBeReusedWithAnotherKindOrType() throws Exception {
        backend.getListState(BUFFER);
        backend.getBroadcastState(RULES);

        assertThatThrownBy(() -> backend.getUnionListState(BUFFER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'buffer' is already registered as a list state")
                .hasMessageContaining("cannot also be a union list state");
        assertThatThrownBy(
                        () -> backend.getListState(new ListStateDescriptor<>("buffer", Types.INT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Use a different name");
        assertThatThrownBy(
                        () ->
                                backend.getBroadcastState(
                                        new MapStateDescriptor<>(
                                                "buffer", Types.STRING, Types.STRING)))
                .hasMessageContaining("cannot also be a broadcast state");
        assertThatThrownBy(
                        () -> backend.getListState(new ListStateDescriptor<>("rules", Types.INT)))
                .hasMessageContaining("'rules' is already registered as a broadcast state");
    }

    @Test
    void timeToLiveIsRejectedBecauseOperatorStateHasNoKeys() {
        ListStateDescriptor<String> withTtl = new ListStateDescriptor<>("ttl", Types.STRING);
        withTtl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(1)).build());

        assertThatThrownBy(() -> backend.getListState(withTtl))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("'ttl' asks for a time-to-live");
    }

    @Test
    void aSnapshotIsACopyByNameWithTheKindOfEachState() throws Exception {
        backend.getListState(BUFFER).addAll(List.of("a", "b"));
        backend.getUnionListState(OFFSETS).add(7L);
        backend.getBroadcastState(RULES).put("hot", 30);

        Map<String, OperatorStateContents> snapshot = backend.snapshot();
        backend.getListState(BUFFER).add("after");
        backend.getBroadcastState(RULES).put("after", 1);

        assertThat(snapshot)
                .containsOnlyKeys("buffer", "offsets", "rules")
                .containsEntry(
                        "buffer",
                        OperatorStateContents.list(
                                Mode.SPLIT_DISTRIBUTE,
                                List.of("a", "b"),
                                Types.STRING.createSerializer()))
                .containsEntry(
                        "offsets",
                        OperatorStateContents.list(
                                Mode.UNION, List.of(7L), Types.LONG.createSerializer()))
                .containsEntry(
                        "rules",
                        OperatorStateContents.broadcast(
                                Map.of("hot", 30),
                                Types.STRING.createSerializer(),
                                Types.INT.createSerializer()));
        assertThat(backend.getRestoredCheckpointId()).isEmpty();
    }

    @Test
    void restoredContentsReachTheStatesOfTheSameNameAndSurviveUntilClaimed() throws Exception {
        backend.getListState(BUFFER).addAll(List.of("a", "b"));
        backend.getUnionListState(OFFSETS).add(7L);
        backend.getBroadcastState(RULES).put("hot", 30);
        Map<String, OperatorStateContents> snapshot = backend.snapshot();

        HeapOperatorStateBackend restored = new HeapOperatorStateBackend();
        restored.restore(42, snapshot);

        assertThat(restored.getRestoredCheckpointId()).hasValue(42);
        assertThat(restored.getRegisteredStateNames())
                .containsExactlyInAnyOrder("buffer", "offsets");
        assertThat(restored.getRegisteredBroadcastStateNames()).containsExactly("rules");
        assertThat(restored.getListState(BUFFER).get()).containsExactly("a", "b");
        assertThat(restored.getBroadcastState(RULES).get("hot")).isEqualTo(30);
        // "offsets" was not asked for: it stays, and is part of the next snapshot.
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.getUnionListState(OFFSETS).get()).containsExactly(7L);
    }

    @Test
    void restoringAsAnotherKindOrIntoAUsedBackendFails() throws Exception {
        backend.getListState(BUFFER).add("a");
        Map<String, OperatorStateContents> snapshot = backend.snapshot();

        HeapOperatorStateBackend restored = new HeapOperatorStateBackend();
        restored.restore(1, snapshot);
        assertThatThrownBy(() -> restored.getUnionListState(BUFFER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "'buffer' was restored as a list state but is now asked for as a union"
                                + " list state");
        assertThatThrownBy(() -> backend.restore(1, snapshot))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only be restored into an empty backend");
    }
}
