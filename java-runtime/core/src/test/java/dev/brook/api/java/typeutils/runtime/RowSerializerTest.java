package dev.brook.api.java.typeutils.runtime;

import static dev.brook.api.common.typeutils.SerializerChecks.checkShippable;
import static dev.brook.api.common.typeutils.SerializerChecks.fromBytes;
import static dev.brook.api.common.typeutils.SerializerChecks.roundTrip;
import static dev.brook.api.common.typeutils.SerializerChecks.toBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.types.Row;
import dev.brook.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowSerializerTest {

    private final TypeSerializer<Row> serializer =
            Types.ROW_NAMED(
                            new String[] {"word", "count", "tags"},
                            Types.STRING,
                            Types.LONG,
                            Types.LIST(Types.STRING))
                    .createSerializer();

    @Test
    void roundTripsRowsWithNullsAndKinds() {
        roundTrip(serializer, Row.of("a", 1L, List.of("x")));
        roundTrip(serializer, Row.of(null, null, null));
        for (RowKind kind : RowKind.values()) {
            assertThat(roundTrip(serializer, Row.ofKind(kind, "k", 2L, null)).getKind())
                    .isEqualTo(kind);
        }
        assertThat(roundTrip(serializer, null)).isNull();
        checkShippable(serializer, Row.of("a", 1L, null));
    }

    @Test
    void rowsReadBackAcceptFieldNames() {
        Row back = roundTrip(serializer, Row.of("w", 5L, null));
        assertThat(back.getField("count")).isEqualTo(5L);
        assertThat(back.getFieldNames(true)).containsExactly("word", "count", "tags");
        assertThat(back.toString()).isEqualTo("+I[w, 5, null]");
    }

    @Test
    void nameBasedRowsAreWrittenByName() {
        Row named = Row.withNames(RowKind.UPDATE_AFTER);
        named.setField("count", 3L);
        named.setField("word", "n");
        Row back = fromBytes(serializer, toBytes(serializer, named));
        assertThat(back).isEqualTo(Row.ofKind(RowKind.UPDATE_AFTER, "n", 3L, null));
        Row copy = serializer.copy(named);
        assertThat(copy).isEqualTo(named).isNotSameAs(named);
    }

    @Test
    void manyFieldsSpanSeveralNullMasks() {
        Object[] values = new Object[20];
        String[] names = new String[20];
        TypeInformation<?>[] types = new TypeInformation<?>[20];
        for (int i = 0; i < 20; i++) {
            values[i] = i % 3 == 0 ? null : i;
            names[i] = "c" + i;
            types[i] = Types.INT;
        }
        TypeSerializer<Row> wide = Types.ROW_NAMED(names, types).createSerializer();
        roundTrip(wide, Row.of(values));
    }

    @Test
    void mismatchesAreExplained() {
        assertThatThrownBy(() -> toBytes(serializer, Row.of("only one")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 1 fields, but the row type has 3")
                .hasMessageContaining("[word, count, tags]");
        Row named = Row.withNames();
        named.setField("unknown", 1);
        assertThatThrownBy(() -> toBytes(serializer, named))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'unknown'")
                .hasMessageContaining("does not declare");
    }

    @Test
    void copiesAreDeep() {
        Row row = Row.of("a", 1L, new ArrayList<>(List.of("x")));
        Row copy = serializer.copy(row);
        assertThat(copy).isEqualTo(row);
        assertThat(copy.getField(2)).isNotSameAs(row.getField(2));
    }
}
