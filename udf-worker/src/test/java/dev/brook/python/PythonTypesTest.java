package dev.brook.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.tuple.Tuple;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.typeutils.RowTypeInfo;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import dev.brook.types.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class PythonTypesTest {

    @Test
    void parsesThePlanTypes() {
        assertThat(PythonTypes.fromJson("{\"type\":\"STRING\"}"))
                .isEqualTo(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(PythonTypes.fromJson("{\"type\":\"LONG\"}"))
                .isEqualTo(BasicTypeInfo.LONG_TYPE_INFO);
        assertThat(PythonTypes.fromJson("{\"type\":\"PICKLED\"}"))
                .isEqualTo(PickledByteArrayTypeInfo.INSTANCE);
        assertThat(PythonTypes.fromJson("{\"type\":\"BYTES\"}"))
                .isEqualTo(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(
                        PythonTypes.fromJson(
                                "{\"type\":\"ROW\",\"names\":[\"id\",\"name\"],"
                                        + "\"fields\":[{\"type\":\"INT\"},{\"type\":\"STRING\"}]}"))
                .isEqualTo(
                        new RowTypeInfo(
                                new TypeInformation<?>[] {
                                    BasicTypeInfo.INT_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO
                                },
                                new String[] {"id", "name"}));
        assertThat(
                        PythonTypes.fromJson(
                                "{\"type\":\"TUPLE\",\"fields\":[{\"type\":\"PICKLED\"},"
                                        + "{\"type\":\"DOUBLE\"}]}"))
                .isEqualTo(
                        new TupleTypeInfo<>(
                                PickledByteArrayTypeInfo.INSTANCE, BasicTypeInfo.DOUBLE_TYPE_INFO));
    }

    @Test
    void writesWhatItParses() {
        for (String json :
                List.of(
                        "{\"type\":\"BOOLEAN\"}",
                        "{\"type\":\"SHORT\"}",
                        "{\"type\":\"FLOAT\"}",
                        "{\"type\":\"BYTES\"}",
                        "{\"type\":\"PICKLED\"}",
                        "{\"type\":\"ROW\",\"names\":[\"a\"],\"fields\":[{\"type\":\"BYTE\"}]}",
                        "{\"type\":\"TUPLE\",\"fields\":[{\"type\":\"LONG\"},"
                                + "{\"type\":\"STRING\"}]}")) {
            assertThat(PythonTypes.toJson(PythonTypes.fromJson(json))).isEqualTo(json);
        }
    }

    @Test
    void namesUnsupportedTypes() {
        assertThatThrownBy(() -> PythonTypes.fromJson("{\"type\":\"MAP\"}"))
                .hasMessageContaining("Unsupported Python type 'MAP'");
        assertThatThrownBy(() -> PythonTypes.toJson(BasicTypeInfo.DATE_TYPE_INFO))
                .hasMessageContaining("cannot be passed to Python functions");
    }

    @Test
    void arrowBatchesCarryEveryTypeAndNulls() throws Exception {
        RowTypeInfo rowType =
                new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO);
        TupleTypeInfo<Tuple2<byte[], Boolean>> tupleType =
                new TupleTypeInfo<>(
                        PickledByteArrayTypeInfo.INSTANCE, BasicTypeInfo.BOOLEAN_TYPE_INFO);
        ArrowColumn[] columns = {
            ArrowColumn.forType(rowType), ArrowColumn.forType(tupleType), null
        };
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {Row.of("a", 1L), Tuple2.of(new byte[] {1, 2}, true), 5L});
        rows.add(new Object[] {null, null, null});
        rows.add(new Object[] {Row.of(null, 3L), Tuple2.of(null, false), -7L});

        try (BufferAllocator allocator = new RootAllocator();
                ArrowBatchEncoder encoder =
                        new ArrowBatchEncoder(allocator, new String[] {"r", "t", "ts"}, columns)) {
            // Twice: the encoder's vectors are reused after encode().
            for (int round = 0; round < 2; round++) {
                for (Object[] row : rows) {
                    encoder.set(0, row[0]);
                    encoder.set(1, row[1]);
                    encoder.setLong(2, row[2] == null ? 0 : (Long) row[2], row[2] != null);
                    encoder.endRow();
                }
                byte[] bytes = encoder.encode();
                ArrowBatchDecoder decoder = new ArrowBatchDecoder(allocator, columns);
                try (ArrowBatchDecoder.Batch batch = decoder.open(bytes)) {
                    assertThat(batch.rows()).isEqualTo(3);
                    assertThat(batch.get(0, 0)).isEqualTo(Row.of("a", 1L));
                    Tuple first = (Tuple) batch.get(1, 0);
                    assertThat((byte[]) first.getField(0)).containsExactly(1, 2);
                    assertThat((Boolean) first.getField(1)).isTrue();
                    assertThat(batch.getLong(2, 0)).isEqualTo(5L);
                    assertThat(batch.get(0, 1)).isNull();
                    assertThat(batch.get(1, 1)).isNull();
                    assertThat(batch.isNull(2, 1)).isTrue();
                    assertThat(batch.get(0, 2)).isEqualTo(Row.of(null, 3L));
                    assertThat(Arrays.asList(((Tuple) batch.get(1, 2)).getField(0), null))
                            .containsOnlyNulls();
                    assertThat(batch.getLong(2, 2)).isEqualTo(-7L);
                }
            }
        }
    }
}
