package dev.brook.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.state.AggregatingState;
import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.state.StateTtlConfig;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.runtime.state.heap.HeapKeyedStateBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** State TTL under a clock the test moves: expired values become invisible exactly on time. */
class StateTtlTest {

    private long now;
    private HeapKeyedStateBackend<String> backend;

    @BeforeEach
    void setUp() {
        now = 1_000;
        backend = new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, () -> now);
        backend.setCurrentKey("a");
    }

    private static <D extends StateDescriptor<?, ?>> D ttl(D descriptor, StateTtlConfig config) {
        descriptor.enableTimeToLive(config);
        return descriptor;
    }

    private static StateTtlConfig.Builder ttl10() {
        return StateTtlConfig.newBuilder(Duration.ofMillis(10));
    }

    @Test
    void valueExpiresAfterTtlSinceLastWrite() throws Exception {
        ValueState<String> state =
                backend.getOrCreateKeyedState(
                        ttl(new ValueStateDescriptor<>("v", Types.STRING), ttl10().build()));
        state.update("x");
        now += 9;
        assertThat(state.value()).isEqualTo("x");
        now += 1;
        assertThat(state.value()).isNull();
    }

    @Test
    void writesRestartTheClockAndReadsOnlyWithOnReadAndWrite() throws Exception {
        ValueState<String> onWrite =
                backend.getOrCreateKeyedState(
                        ttl(new ValueStateDescriptor<>("w", Types.STRING), ttl10().build()));
        ValueState<String> onRead =
                backend.getOrCreateKeyedState(
                        ttl(
                                new ValueStateDescriptor<>("r", Types.STRING),
                                ttl10().updateTtlOnReadAndWrite().build()));
        onWrite.update("x");
        onRead.update("y");
        now += 8;
        assertThat(onWrite.value()).isEqualTo("x");
        assertThat(onRead.value()).isEqualTo("y");
        now += 8;
        assertThat(onWrite.value()).as("reads do not extend OnCreateAndWrite").isNull();
        assertThat(onRead.value()).as("the read at +8 extended it").isEqualTo("y");
    }

    @Test
    void expiredValueCanBeReturnedOnceIfNotCleanedUp() throws Exception {
        ValueState<String> state =
                backend.getOrCreateKeyedState(
                        ttl(
                                new ValueStateDescriptor<>("v", Types.STRING),
                                ttl10().returnExpiredIfNotCleanedUp().build()));
        state.update("x");
        now += 20;
        assertThat(state.value()).isEqualTo("x");
        assertThat(state.value()).isNull();
    }

    @Test
    void anExpiredMapEntryReturnedOnceIsNotRefreshedByTheRead() throws Exception {
        MapState<String, String> state =
                backend.getOrCreateKeyedState(
                        ttl(
                                new MapStateDescriptor<>("m", Types.STRING, Types.STRING),
                                ttl10().updateTtlOnReadAndWrite()
                                        .returnExpiredIfNotCleanedUp()
                                        .build()));
        state.put("old", "1");
        now += 6;
        state.put("new", "2");
        now += 4;
        assertThat(state.keys()).containsExactlyInAnyOrder("old", "new");
        assertThat(state.keys()).containsExactly("new");
        now += 9;
        assertThat(state.keys()).containsExactly("new");
    }

    @Test
    void keysExpireIndependently() throws Exception {
        ValueState<Long> state =
                backend.getOrCreateKeyedState(
                        ttl(new ValueStateDescriptor<>("v", Types.LONG), ttl10().build()));
        state.update(1L);
        now += 5;
        backend.setCurrentKey("b");
        state.update(2L);
        now += 5;
        assertThat(state.value()).isEqualTo(2L);
        backend.setCurrentKey("a");
        assertThat(state.value()).isNull();
    }

    @Test
    void listElementsExpireOneByOne() throws Exception {
        ListState<String> state =
                backend.getOrCreateKeyedState(
                        ttl(new ListStateDescriptor<>("l", Types.STRING), ttl10().build()));
        state.add("old");
        now += 6;
        state.add("new");
        now += 4;
        assertThat(state.get()).containsExactly("new");
        now += 6;
        assertThat(state.get()).isEmpty();
    }

    @Test
    void mapEntriesExpireOneByOne() throws Exception {
        MapState<String, Integer> state =
                backend.getOrCreateKeyedState(
                        ttl(
                                new MapStateDescriptor<>("m", Types.STRING, Types.INT),
                                ttl10().build()));
        state.put("old", 1);
        now += 6;
        state.put("new", 2);
        now += 4;
        assertThat(state.get("old")).isNull();
        assertThat(state.contains("new")).isTrue();
        assertThat(state.entries()).containsExactly(Map.entry("new", 2));
        now += 6;
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void reducingAndAggregatingStartOverAfterExpiry() throws Exception {
        ReducingState<Long> sum =
                backend.getOrCreateKeyedState(
                        ttl(
                                new ReducingStateDescriptor<>("s", Long::sum, Types.LONG),
                                ttl10().build()));
        AggregatingState<Long, Long> count =
                backend.getOrCreateKeyedState(
                        ttl(
                                new AggregatingStateDescriptor<>("c", new Count(), Types.LONG),
                                ttl10().build()));
        for (long v : List.of(1L, 2L, 3L)) {
            sum.add(v);
            count.add(v);
        }
        assertThat(sum.get()).isEqualTo(6L);
        assertThat(count.get()).isEqualTo(3L);
        now += 10;
        assertThat(sum.get()).isNull();
        assertThat(count.get()).isNull();
        sum.add(5L);
        count.add(5L);
        assertThat(sum.get()).isEqualTo(5L);
        assertThat(count.get()).isEqualTo(1L);
    }

    @Test
    void ttlOnWindowStateIsRejectedClearly() {
        assertThatThrownBy(
                        () ->
                                backend.getOrCreateInternalState(
                                        VoidNamespaceSerializer.INSTANCE,
                                        ttl(
                                                new ValueStateDescriptor<>("w", Types.STRING),
                                                ttl10().build())))
                .hasMessageContaining("'w' asks for a time-to-live")
                .hasMessageContaining("window");
    }

    static final class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }
}
