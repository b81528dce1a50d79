package dev.brook.api.common.typeutils.base;

import static dev.brook.api.common.typeutils.SerializerChecks.checkShippable;
import static dev.brook.api.common.typeutils.SerializerChecks.fromBytes;
import static dev.brook.api.common.typeutils.SerializerChecks.roundTrip;
import static dev.brook.api.common.typeutils.SerializerChecks.toBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompositeSerializersTest {

    enum Color {
        RED,
        GREEN {
            @Override
            public String toString() {
                return "green with a body";
            }
        },
        BLUE
    }

    @Test
    void enumsByOrdinal() {
        EnumSerializer<Color> serializer = new EnumSerializer<>(Color.class);
        for (Color color : Color.values()) {
            assertThat(roundTrip(serializer, color)).isSameAs(color);
        }
        assertThat(toBytes(serializer, Color.BLUE)).containsExactly(2);
        checkShippable(serializer, Color.GREEN);
        assertThat(serializer).isNotEqualTo(new EnumSerializer<>(Thread.State.class));
    }

    @Test
    void enumsRejectNullAndUnknownOrdinals() {
        EnumSerializer<Color> serializer = new EnumSerializer<>(Color.class);
        assertThatThrownBy(() -> toBytes(serializer, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining(Color.class.getName());
        assertThatThrownBy(() -> fromBytes(serializer, new byte[] {9}))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("Ordinal 9")
                .hasMessageContaining("changed");
    }

    @Test
    void listsWithNullElementsAcrossGroupBoundaries() {
        ListSerializer<String> serializer = new ListSerializer<>(StringSerializer.INSTANCE);
        ListSerializer<Integer> ints = new ListSerializer<>(IntSerializer.INSTANCE);
        roundTrip(serializer, new ArrayList<>());
        roundTrip(serializer, null);
        roundTrip(serializer, Arrays.asList("a", null, "ü", null, null, "x", "y", "z", null, "j"));
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(i % 7 == 0 ? null : i);
        }
        roundTrip(ints, many);
        roundTrip(ints, new LinkedList<>(many));
        assertThat(fromBytes(ints, toBytes(ints, List.of(1, 2)))).isInstanceOf(ArrayList.class);
        checkShippable(serializer, List.of("a"));
    }

    @Test
    void listCopiesAreDeep() {
        ListSerializer<int[]> serializer =
                new ListSerializer<>(
                        dev.brook.api.common.typeutils.base.array.IntPrimitiveArraySerializer
                                .INSTANCE);
        List<int[]> original = new ArrayList<>(List.of(new int[] {1}));
        List<int[]> copy = serializer.copy(original);
        copy.get(0)[0] = 2;
        assertThat(original.get(0)[0]).isEqualTo(1);
    }

    @Test
    void mapsWithNullValues() {
        MapSerializer<String, Long> serializer =
                new MapSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE);
        roundTrip(serializer, new HashMap<>());
        roundTrip(serializer, null);
        Map<String, Long> map = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            map.put("k" + i, i % 3 == 0 ? null : (long) i);
        }
        roundTrip(serializer, map);
        roundTrip(serializer, new TreeMap<>(Map.of("a", 1L)));
        checkShippable(serializer, map);
    }

    @Test
    void mapsRejectNullKeys() {
        MapSerializer<String, Long> serializer =
                new MapSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE);
        Map<String, Long> map = new HashMap<>();
        map.put(null, 1L);
        assertThatThrownBy(() -> toBytes(serializer, map))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null key");
    }

    @Test
    void objectArrays() {
        GenericArraySerializer<String> serializer =
                new GenericArraySerializer<>(String.class, StringSerializer.INSTANCE);
        roundTrip(serializer, new String[] {"a", null, "c"});
        roundTrip(serializer, new String[0]);
        roundTrip(serializer, null);
        String[] many = new String[17];
        many[16] = "last";
        assertThat(roundTrip(serializer, many)).isInstanceOf(String[].class);
        checkShippable(serializer, many);

        GenericArraySerializer<Integer> boxed =
                new GenericArraySerializer<>(Integer.class, IntSerializer.INSTANCE);
        roundTrip(boxed, new Integer[] {1, null, 3});
    }
}
