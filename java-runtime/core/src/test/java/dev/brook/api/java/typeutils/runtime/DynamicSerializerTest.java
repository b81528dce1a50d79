package dev.brook.api.java.typeutils.runtime;

import static dev.brook.api.common.typeutils.SerializerChecks.checkShippable;
import static dev.brook.api.common.typeutils.SerializerChecks.fromBytes;
import static dev.brook.api.common.typeutils.SerializerChecks.javaRoundTrip;
import static dev.brook.api.common.typeutils.SerializerChecks.roundTrip;
import static dev.brook.api.common.typeutils.SerializerChecks.toBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.tuple.Tuple;
import dev.brook.api.java.tuple.Tuple0;
import dev.brook.api.java.tuple.Tuple1;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple25;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.api.java.typeutils.DynamicTypeInfo;
import dev.brook.types.Row;
import dev.brook.types.RowKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DynamicSerializerTest {

    private final DynamicSerializer<Object> serializer = new DynamicSerializer<>();

    private Object roundTripValue(Object value) {
        return roundTrip(serializer, value);
    }

    @Test
    void basicValues() {
        Object[] values = {
            null,
            "text ü \uD83D\uDE00",
            "",
            42,
            -7L,
            1.5,
            2.5f,
            true,
            false,
            (short) 3,
            (byte) -4,
            'c',
            new BigInteger("123456789012345678901234567890"),
            new BigDecimal("-1.50"),
            Instant.parse("2024-01-01T00:00:00.5Z"),
            LocalDate.of(2020, 2, 29),
            LocalTime.NOON,
            LocalDateTime.of(2021, 1, 1, 1, 1),
            new byte[] {1, 2},
            new int[] {3, 4},
            new long[] {5},
            new double[] {6.5}
        };
        for (Object value : values) {
            Object back = roundTripValue(value);
            if (value != null) {
                assertThat(back).isInstanceOf(value.getClass());
            }
        }
        assertThat(toBytes(serializer, 42)).hasSize(5);
        assertThat(toBytes(serializer, true)).hasSize(1);
        assertThat(toBytes(serializer, "ab")).hasSize(1 + 1 + 2);
    }

    @Test
    void nestedTuples() {
        Tuple3<String, Tuple2<Integer, Long>, Tuple0> nested =
                Tuple3.of("a", Tuple2.of(1, null), Tuple0.INSTANCE);
        assertThat(roundTripValue(nested)).isEqualTo(nested);
        Tuple25<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> wide =
                (Tuple25<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?>)
                        Tuple.newInstance(25);
        for (int i = 0; i < 25; i++) {
            wide.setField(i % 2 == 0 ? i : Tuple1.of("f" + i), i);
        }
        assertThat(roundTripValue(wide)).isEqualTo(wide);
    }

    @Test
    void rowsAndCollections() {
        Row row =
                Row.ofKind(
                        RowKind.UPDATE_BEFORE,
                        "k",
                        List.of(1, 2, Row.of("inner", null)),
                        Map.of("m", Tuple2.of(1L, "v")),
                        null);
        assertThat(roundTripValue(row)).isEqualTo(row);

        Row named = Row.withNames(RowKind.DELETE);
        named.setField("a", 1);
        named.setField("b", Arrays.asList("x", null));
        Row namedBack = (Row) roundTripValue(named);
        assertThat(namedBack.getFieldNames(false)).containsExactly("a", "b");

        List<Object> mixed = new ArrayList<>(Arrays.asList(1, "two", null, 3.0, List.of()));
        assertThat(roundTripValue(mixed)).isEqualTo(mixed);
        Map<Object, Object> map = new HashMap<>();
        map.put("k", null);
        map.put(1, new int[] {1});
        assertThat(((Map<?, ?>) fromBytes(serializer, toBytes(serializer, map))).get(1))
                .isEqualTo(new int[] {1});
    }

    @Test
    void collectionClassesAreKeptWhereTheyCanBeCreated() {
        assertThat(roundTripValue(List.of("a", "b"))).isInstanceOf(ArrayList.class);
        assertThat(roundTripValue(Arrays.asList("a"))).isInstanceOf(ArrayList.class);
        assertThat(roundTripValue(new LinkedList<>(List.of(1, 2)))).isInstanceOf(LinkedList.class);
        assertThat(roundTripValue(new TreeMap<>(Map.of("b", 2, "a", 1))))
                .isInstanceOf(TreeMap.class);
        assertThat(roundTripValue(new LinkedHashMap<>(Map.of("a", 1))))
                .isInstanceOf(LinkedHashMap.class);
        assertThat(roundTripValue(new HashSet<>(List.of("s", "t")))).isInstanceOf(HashSet.class);
        assertThat(roundTripValue(new TreeSet<>(List.of(3, 1, 2)))).isInstanceOf(TreeSet.class);
        assertThat(roundTripValue(Map.of("a", 1))).isInstanceOf(HashMap.class);
    }

    enum Level {
        LOW,
        HIGH {
            @Override
            public String toString() {
                return "high";
            }
        }
    }

    /** A POJO, serialized by its PojoSerializer after its class name. */
    public static class Event {
        public String id;
        public Object payload;

        public Event() {}

        Event(String id, Object payload) {
            this.id = id;
            this.payload = payload;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Event
                    && Objects.equals(id, ((Event) o).id)
                    && Objects.deepEquals(payload, ((Event) o).payload);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id);
        }
    }

    public record Reading(String sensor, double value) {}

    /** Not a POJO (private field, no accessors), but reflection can reach it. */
    static final class Opaque {
        private final String secret;
        private List<Integer> numbers = new ArrayList<>();

        Opaque() {
            this("none");
        }

        Opaque(String secret) {
            this.secret = secret;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque
                    && secret.equals(((Opaque) o).secret)
                    && numbers.equals(((Opaque) o).numbers);
        }

        @Override
        public int hashCode() {
            return secret.hashCode();
        }
    }

    /** Neither constructible by reflection nor Serializable. */
    static final class Hopeless {
        final int x;

        Hopeless(int x) {
            this.x = x;
        }
    }

    public static class Pair extends Tuple2<String, Long> {
        private static final long serialVersionUID = 1L;

        public Pair() {}
    }

    @Test
    void otherClassesByName() {
        assertThat(roundTripValue(Level.HIGH)).isSameAs(Level.HIGH);
        assertThat(roundTripValue(new Event("e", Tuple2.of("x", new Reading("r", 1.0)))))
                .isEqualTo(new Event("e", Tuple2.of("x", new Reading("r", 1.0))));
        assertThat(roundTripValue(new Reading("s", 2))).isEqualTo(new Reading("s", 2));
        assertThat(roundTripValue(new String[] {"a", null})).isEqualTo(new String[] {"a", null});
        assertThat(roundTripValue(new Object[] {1, "b", new Object[] {2}}))
                .isEqualTo(new Object[] {1, "b", new Object[] {2}});
        assertThat(roundTripValue(new boolean[] {true})).isEqualTo(new boolean[] {true});
        Pair pair = new Pair();
        pair.setFields("p", 1L);
        assertThat(roundTripValue(pair)).isInstanceOf(Pair.class).isEqualTo(pair);
        Opaque opaque = new Opaque("s");
        opaque.numbers.add(5);
        assertThat(roundTripValue(opaque)).isEqualTo(opaque);
        UUID uuid = UUID.randomUUID();
        assertThat(roundTripValue(uuid)).isEqualTo(uuid);
        assertThat(serializer.cachedClassCount()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void unserializableClassesFailWithAnExplanation() {
        assertThatThrownBy(() -> toBytes(serializer, new Hopeless(1)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(Hopeless.class.getName())
                .hasMessageContaining("no no-argument constructor")
                .hasMessageContaining("Serializable")
                .hasMessageContaining(".returns(");
        assertThatThrownBy(() -> toBytes(serializer, Optional.of(1)))
                .isInstanceOf(UnsupportedOperationException.class);
        Runnable lambda = () -> {};
        assertThatThrownBy(() -> toBytes(serializer, lambda))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hidden class");
    }

    @Test
    void declaredClassIsWrittenWithoutItsName() {
        DynamicSerializer<Event> declared = new DynamicSerializer<>(Event.class);
        Event event = new Event("e", 1);
        byte[] withDeclared = toBytes(declared, event);
        byte[] withName = toBytes(serializer, event);
        assertThat(withName.length - withDeclared.length)
                .isGreaterThan(Event.class.getName().length());
        assertThat(roundTrip(declared, event)).isEqualTo(event);
        assertThat(roundTrip(declared, null)).isNull();
    }

    @Test
    void unreadableTagsAreExplained() {
        assertThatThrownBy(() -> fromBytes(serializer, new byte[] {99}))
                .hasMessageContaining("Unknown type tag 99");
        byte[] unknownClass = toBytes(serializer, new Event("e", null));
        String name = Event.class.getName();
        String text = new String(unknownClass, StandardCharsets.ISO_8859_1);
        byte[] renamed =
                text.replace(name, name.replace("Event", "Evenx"))
                        .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> fromBytes(new DynamicSerializer<>(), renamed))
                .hasMessageContaining("Cannot load class")
                .hasMessageContaining("Evenx");
    }

    @Test
    @SuppressWarnings("unchecked") // the copies have the classes of the originals
    void copiesAreDeep() {
        List<List<Integer>> list = new ArrayList<>(List.of(new ArrayList<>(List.of(1))));
        Tuple2<List<List<Integer>>, int[]> value = Tuple2.of(list, new int[] {1});
        Tuple2<List<List<Integer>>, int[]> copy =
                (Tuple2<List<List<Integer>>, int[]>) serializer.copy(value);
        copy.f0.get(0).add(2);
        copy.f1[0] = 9;
        assertThat(list.get(0)).containsExactly(1);
        assertThat(value.f1[0]).isEqualTo(1);
        Event event = new Event("e", new ArrayList<>(List.of("x")));
        Event eventCopy = (Event) serializer.copy(event);
        assertThat(eventCopy).isEqualTo(event);
        assertThat(eventCopy.payload).isNotSameAs(event.payload);
        Row named = Row.withNames();
        named.setField("a", new int[] {1});
        assertThat(serializer.copy(named)).isEqualTo(named);
    }

    @Test
    void isShippableAndDuplicatesFreshCaches() {
        roundTripValue(new Event("e", null));
        TypeSerializer<Object> duplicate = serializer.duplicate();
        assertThat(duplicate).isEqualTo(serializer).isNotSameAs(serializer);
        assertThat(((DynamicSerializer<Object>) duplicate).cachedClassCount()).isZero();
        checkShippable(serializer, new Event("e", Tuple2.of(1, "x")));
        DynamicSerializer<Object> shipped = javaRoundTrip(serializer);
        assertThat(shipped.cachedClassCount()).isZero();
        assertThat(new DynamicTypeInfo<>(Object.class).createSerializer()).isEqualTo(serializer);
        assertThat(Types.GENERIC(Event.class).createSerializer())
                .isEqualTo(new DynamicSerializer<>(Event.class));
    }

    @Test
    void largeNestedStructures() {
        Map<String, Object> root = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            root.put(
                    "key" + i,
                    Tuple3.of(
                            i,
                            Row.of("r" + i, (long) i, List.of(i, i + 1)),
                            new Event("e" + i, i)));
        }
        assertThat(roundTripValue(root)).isEqualTo(root);
    }
}
