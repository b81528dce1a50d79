package dev.brook.api.java.typeutils.runtime;

import static dev.brook.api.common.typeutils.SerializerChecks.checkShippable;
import static dev.brook.api.common.typeutils.SerializerChecks.fromBytes;
import static dev.brook.api.common.typeutils.SerializerChecks.roundTrip;
import static dev.brook.api.common.typeutils.SerializerChecks.toBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.typeinfo.TypeHint;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.tuple.Tuple0;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.types.NullFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TupleSerializerTest {

    public static class WordCount extends Tuple2<String, Integer> {
        private static final long serialVersionUID = 1L;

        public WordCount() {}

        WordCount(String word, int count) {
            super(word, count);
        }
    }

    @Test
    void roundTripsTuples() throws Exception {
        TypeSerializer<Tuple2<String, Integer>> serializer =
                Types.<Tuple2<String, Integer>>TUPLE(Types.STRING, Types.INT).createSerializer();
        assertThat(serializer).isInstanceOf(TupleSerializer.class);
        roundTrip(serializer, Tuple2.of("hello", 3));
        roundTrip(serializer, Tuple2.of("", Integer.MIN_VALUE));
        roundTrip(serializer, Tuple2.of(null, 0)); // strings may be null
        checkShippable(serializer, Tuple2.of("a", 1));
        assertThat(serializer.duplicate()).isSameAs(serializer);
        assertThat(toBytes(serializer, Tuple2.of("ab", 7))).hasSize(1 + 2 + 4);
    }

    @Test
    void nestedTuplesAndFixedLength() {
        TypeInformation<Tuple3<Integer, Tuple2<Long, Double>, List<String>>> info =
                TypeInformation.of(
                        new TypeHint<Tuple3<Integer, Tuple2<Long, Double>, List<String>>>() {});
        TypeSerializer<Tuple3<Integer, Tuple2<Long, Double>, List<String>>> serializer =
                info.createSerializer();
        Tuple3<Integer, Tuple2<Long, Double>, List<String>> value =
                Tuple3.of(1, Tuple2.of(2L, 3.5), List.of("x", "y"));
        Tuple3<Integer, Tuple2<Long, Double>, List<String>> copy = serializer.copy(value);
        assertThat(copy).isEqualTo(value);
        assertThat(copy.f1).isNotSameAs(value.f1);
        roundTrip(serializer, value);
        assertThat(serializer.getLength()).isEqualTo(-1);
        assertThat(Types.TUPLE(Types.INT, Types.LONG).createSerializer().getLength()).isEqualTo(12);
    }

    @Test
    void tupleSubclasses() {
        TypeSerializer<WordCount> serializer = Types.TUPLE(WordCount.class).createSerializer();
        WordCount back = roundTrip(serializer, new WordCount("w", 2));
        assertThat(back).isInstanceOf(WordCount.class);
        checkShippable(serializer, new WordCount("w", 2));
    }

    @Test
    void tuple0() {
        TypeSerializer<Tuple0> serializer = Types.<Tuple0>TUPLE().createSerializer();
        assertThat(roundTrip(serializer, Tuple0.INSTANCE)).isSameAs(Tuple0.INSTANCE);
        assertThat(toBytes(serializer, Tuple0.INSTANCE)).isEmpty();
    }

    @Test
    void nullFieldsOfBasicTypesNameTheField() {
        TypeSerializer<Tuple2<String, Integer>> serializer =
                Types.<Tuple2<String, Integer>>TUPLE(Types.STRING, Types.INT).createSerializer();
        assertThatThrownBy(() -> toBytes(serializer, Tuple2.of("a", null)))
                .isInstanceOf(NullFieldException.class)
                .hasMessageContaining("Field 1")
                .hasRootCauseMessage(
                        "Cannot serialize null as Integer: values of this type must not be null in"
                                + " tuples, keys, lists and arrays. Replace null by a value, or"
                                + " use a Row or a POJO, whose fields may be null.");
    }

    @Test
    void deserializesIntoReusedTuples() throws Exception {
        TypeSerializer<Tuple2<String, Integer>> serializer =
                Types.<Tuple2<String, Integer>>TUPLE(Types.STRING, Types.INT).createSerializer();
        Tuple2<String, Integer> reuse = new Tuple2<>();
        byte[] bytes = toBytes(serializer, Tuple2.of("r", 9));
        Tuple2<String, Integer> result =
                serializer.deserialize(reuse, new DataInputDeserializer(bytes));
        assertThat(result).isSameAs(reuse).isEqualTo(Tuple2.of("r", 9));
        assertThat(fromBytes(serializer, bytes)).isNotSameAs(reuse);
    }
}
