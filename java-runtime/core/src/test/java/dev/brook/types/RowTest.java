package dev.brook.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class RowTest {

    @Test
    void toStringLooksLikeFlinks() {
        assertThat(Row.of("a", 1, null).toString()).isEqualTo("+I[a, 1, null]");
        assertThat(Row.ofKind(RowKind.DELETE, "x").toString()).isEqualTo("-D[x]");
        assertThat(Row.of(new int[] {1, 2}, Row.of("n")).toString()).isEqualTo("+I[[1, 2], +I[n]]");
        Row named = Row.withNames(RowKind.UPDATE_AFTER);
        named.setField("name", "Bob");
        named.setField("age", 42);
        assertThat(named.toString()).isEqualTo("+U{name=Bob, age=42}");
    }

    @Test
    void positionBasedRows() {
        Row row = Row.withPositions(3);
        row.setField(0, "a");
        row.setField(2, 3L);
        assertThat(row.getArity()).isEqualTo(3);
        assertThat(row.getField(0)).isEqualTo("a");
        assertThat(row.<Long>getFieldAs(2)).isEqualTo(3L);
        assertThat(row.getKind()).isEqualTo(RowKind.INSERT);
        assertThat(row.getFieldNames(true)).isNull();
        assertThatThrownBy(() -> row.getField("a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("position-based")
                .hasMessageContaining("Row.withNames()");
        row.clear();
        assertThat(row).isEqualTo(new Row(3));
    }

    @Test
    void nameBasedRows() {
        Row row = Row.withNames();
        row.setField("b", 2);
        row.setField("a", 1);
        assertThat(row.getArity()).isEqualTo(2);
        assertThat(row.getField("a")).isEqualTo(1);
        assertThat(row.getFieldNames(false)).containsExactly("b", "a");
        assertThatThrownBy(() -> row.getField(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("name-based");
    }

    @Test
    void positionsWithNames() {
        LinkedHashMap<String, Integer> names = new LinkedHashMap<>();
        names.put("word", 0);
        names.put("count", 1);
        Row row =
                RowUtils.createRowWithNamedPositions(RowKind.INSERT, new Object[] {"w", 2}, names);
        assertThat(row.getField("count")).isEqualTo(2);
        assertThat(row.getField(0)).isEqualTo("w");
        row.setField("word", "v");
        assertThat(row).isEqualTo(Row.of("v", 2));
        assertThat(row.toString()).isEqualTo("+I[v, 2]");
        assertThatThrownBy(() -> row.getField("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("word, count");
    }

    @Test
    void equalityIsDeepAndIncludesTheKind() {
        assertThat(Row.of("a", new int[] {1})).isEqualTo(Row.of("a", new int[] {1}));
        assertThat(Row.of("a", new int[] {1}).hashCode())
                .isEqualTo(Row.of("a", new int[] {1}).hashCode());
        assertThat(Row.of("a")).isNotEqualTo(Row.ofKind(RowKind.DELETE, "a"));
        Row named1 = Row.withNames();
        named1.setField("x", new long[] {5});
        Row named2 = Row.withNames();
        named2.setField("x", new long[] {5});
        assertThat(named1).isEqualTo(named2).hasSameHashCodeAs(named2);
        assertThat(named1).isNotEqualTo(Row.of(new long[] {5}));
    }

    @Test
    void projectJoinAndCopy() {
        Row row = Row.of("a", 1, 2.0);
        assertThat(Row.project(row, new int[] {2, 0})).isEqualTo(Row.of(2.0, "a"));
        assertThat(Row.join(row, Row.of("z"))).isEqualTo(Row.of("a", 1, 2.0, "z"));
        Row copy = Row.copy(row);
        copy.setField(0, "b");
        assertThat(row.getField(0)).isEqualTo("a");
        Row named = Row.withNames();
        named.setField("a", 1);
        named.setField("b", 2);
        assertThat(Row.project(named, new String[] {"b"}).getFieldNames(false))
                .containsExactly("b");
    }

    @Test
    void rowKindBytes() {
        for (RowKind kind : RowKind.values()) {
            assertThat(RowKind.fromByteValue(kind.toByteValue())).isSameAs(kind);
        }
        assertThat(RowKind.UPDATE_BEFORE.shortString()).isEqualTo("-U");
        assertThat(RowKind.INSERT.toByteValue()).isEqualTo((byte) 0);
        assertThatThrownBy(() -> RowKind.fromByteValue((byte) 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown row kind byte 7");
    }
}
