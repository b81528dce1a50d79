package dev.brook.api.java.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.types.NullFieldException;
import org.junit.jupiter.api.Test;

class TupleTest {

    @Test
    void toStringLooksLikeFlinks() {
        assertThat(Tuple2.of("hello", 3).toString()).isEqualTo("(hello,3)");
        assertThat(new Tuple3<>(null, 1.5, 'c').toString()).isEqualTo("(null,1.5,c)");
        assertThat(Tuple0.INSTANCE.toString()).isEqualTo("()");
        assertThat(Tuple1.of(new int[] {1, 2}).toString()).isEqualTo("([1, 2])");
        assertThat(Tuple2.of(new String[] {"a", "b"}, new int[][] {{1}, {2, 3}}).toString())
                .isEqualTo("([a, b],[[1], [2, 3]])");
        assertThat(Tuple2.of(Tuple2.of("a", 1), "b").toString()).isEqualTo("((a,1),b)");
    }

    @Test
    void equalsAndHashCodeCompareFields() {
        assertThat(Tuple2.of("a", 1))
                .isEqualTo(Tuple2.of("a", 1))
                .hasSameHashCodeAs(Tuple2.of("a", 1));
        assertThat(Tuple2.of("a", 1)).isNotEqualTo(Tuple2.of("a", 2));
        assertThat(Tuple2.of("a", null)).isEqualTo(Tuple2.of("a", null));
        assertThat(new Tuple0()).isEqualTo(Tuple0.INSTANCE);
        assertThat(Tuple1.of("a")).isNotEqualTo(Tuple2.of("a", null));
    }

    @Test
    void fieldsByPosition() {
        Tuple3<String, Integer, Long> t = new Tuple3<>();
        t.setField("x", 0);
        t.setField(5, 1);
        t.setField(7L, 2);
        assertThat(t.f0).isEqualTo("x");
        assertThat(t.<Integer>getField(1)).isEqualTo(5);
        assertThat(t.getArity()).isEqualTo(3);
        assertThatThrownBy(() -> t.getField(3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("arity 3");
        assertThatThrownBy(() -> new Tuple2<>("a", null).getFieldNotNull(1))
                .isInstanceOf(NullFieldException.class)
                .hasMessageContaining("Field 1");
    }

    @Test
    void copySetFieldsAndSwap() {
        Tuple2<String, Integer> t = Tuple2.of("a", 1);
        Tuple2<String, Integer> copy = t.copy();
        assertThat(copy).isEqualTo(t).isNotSameAs(t);
        t.setFields("b", 2);
        assertThat(t).isEqualTo(Tuple2.of("b", 2));
        assertThat(t.swap()).isEqualTo(Tuple2.of(2, "b"));
    }

    @Test
    void everyArityIsAvailable() {
        for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple tuple = Tuple.newInstance(arity);
            assertThat(tuple.getArity()).isEqualTo(arity);
            assertThat(tuple.getClass()).isEqualTo(Tuple.getTupleClass(arity));
            assertThat(tuple.getClass().getSimpleName()).isEqualTo("Tuple" + arity);
            for (int i = 0; i < arity; i++) {
                tuple.setField(i, i);
            }
            Tuple copy = tuple.copy();
            assertThat(copy).isEqualTo(tuple);
            for (int i = 0; i < arity; i++) {
                assertThat(copy.<Integer>getField(i)).isEqualTo(i);
            }
        }
        Tuple25<
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer,
                        Integer>
                t25 =
                        Tuple25.of(
                                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                                19, 20, 21, 22, 23, 24);
        assertThat(t25.toString())
                .isEqualTo("(0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24)");
        assertThatThrownBy(() -> Tuple.getTupleClass(26))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row or a POJO");
    }
}
