package dev.brook.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyMapTest {

    /** Random puts, removes, computes and merges, checked against a HashMap after every step. */
    private static void checkAgainstHashMap(
            KeyMap<Object, Long> map,
            Random random,
            int steps,
            java.util.function.IntFunction<Object> keyOf,
            HashMap<Object, Long> model) {
        for (int step = 0; step < steps; step++) {
            Object key = keyOf.apply(random.nextInt(3_000));
            long value = random.nextInt(1000);
            switch (random.nextInt(5)) {
                case 0 -> assertThat(map.put(key, value)).isEqualTo(model.put(key, value));
                case 1 -> assertThat(map.remove(key)).isEqualTo(model.remove(key));
                case 2 -> {
                    // Removes the key when the sum gets above 1,500, to exercise null results.
                    java.util.function.BiFunction<Object, Long, Long> update =
                            (k, old) ->
                                    old == null
                                            ? Long.valueOf(value)
                                            : old + value > 1500 ? null : Long.valueOf(old + value);
                    assertThat(map.compute(key, update)).isEqualTo(model.compute(key, update));
                }
                case 3 ->
                        assertThat(map.merge(key, value, Long::sum))
                                .isEqualTo(model.merge(key, value, Long::sum));
                default -> assertThat(map.get(key)).isEqualTo(model.get(key));
            }
            assertThat(map.isEmpty()).isEqualTo(model.isEmpty());
        }
        for (Object key : model.keySet()) {
            assertThat(map.get(key)).isEqualTo(model.get(key));
        }
        List<Object> keys = new ArrayList<>();
        map.forEach((key, value) -> keys.add(key));
        assertThat(keys).containsExactlyInAnyOrderElementsOf(model.keySet());
    }

    @Test
    void longKeysBehaveLikeAHashMap() {
        HashMap<Object, Long> model = new HashMap<>();
        // Keys spaced by a power of two collide in the low bits, so probe runs get long.
        checkAgainstHashMap(new KeyMap<>(), new Random(1), 200_000, k -> (long) k << 12, model);
    }

    @Test
    void aKeyOfAnotherTypeMovesTheEntriesToAHashMap() {
        KeyMap<Object, Long> map = new KeyMap<>();
        HashMap<Object, Long> model = new HashMap<>();
        Random random = new Random(2);
        checkAgainstHashMap(map, random, 20_000, k -> (long) k, model);
        assertThat(map.get("not a long")).isNull();
        assertThat(map.remove("not a long")).isNull();
        checkAgainstHashMap(
                map, random, 50_000, k -> k % 2 == 0 ? (Object) (long) k : "k" + k, model);
    }

    @Test
    void nullValuesRemove() {
        KeyMap<Object, Long> map = new KeyMap<>();
        map.put(7L, 1L);
        assertThat(map.put(7L, null)).isEqualTo(1L);
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get(7L)).isNull();
    }
}
