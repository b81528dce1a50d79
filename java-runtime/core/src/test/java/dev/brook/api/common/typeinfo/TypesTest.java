package dev.brook.api.common.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.typeutils.CompositeType;
import dev.brook.api.common.typeutils.SerializerChecks;
import dev.brook.api.java.typeutils.ObjectArrayTypeInfo;
import dev.brook.api.java.typeutils.RowTypeInfo;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import dev.brook.types.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypesTest {

    @Test
    void constantsAreTheBasicTypeInfos() {
        assertThat(Types.STRING).isSameAs(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(Types.INT).isSameAs(BasicTypeInfo.INT_TYPE_INFO);
        assertThat(Types.INSTANT).isSameAs(BasicTypeInfo.INSTANT_TYPE_INFO);
        assertThat(Types.LOCAL_DATE_TIME).isSameAs(LocalTimeTypeInfo.LOCAL_DATE_TIME);
        assertThat(Types.SQL_DATE).isSameAs(SqlTimeTypeInfo.DATE);
        assertThat(Types.STRING.isBasicType()).isTrue();
        assertThat(Types.STRING.toString()).isEqualTo("String");
    }

    @Test
    void tuplesAndRows() {
        TypeInformation<?> tuple = Types.TUPLE(Types.STRING, Types.INT);
        assertThat(tuple).hasToString("Java Tuple2<String, Integer>");
        assertThat(tuple.isTupleType()).isTrue();
        assertThat(tuple.getArity()).isEqualTo(2);
        assertThat(((TupleTypeInfo<?>) tuple).getFieldIndex("f1")).isEqualTo(1);
        assertThat(((TupleTypeInfo<?>) tuple).getFieldIndex("f2")).isEqualTo(-1);
        assertThat(((TupleTypeInfo<?>) tuple).getFieldIndex("f01")).isEqualTo(-1);

        TypeInformation<Row> row =
                Types.ROW_NAMED(
                        new String[] {"word", "stats"},
                        Types.STRING,
                        Types.TUPLE(Types.LONG, Types.DOUBLE));
        assertThat(row).hasToString("Row(word: String, stats: Java Tuple2<Long, Double>)");
        assertThat(row.getTotalFields()).isEqualTo(3);
        RowTypeInfo rowInfo = (RowTypeInfo) row;
        assertThat(rowInfo.getFieldNames()).containsExactly("word", "stats");
        assertThat(rowInfo.getTypeAt(0)).isEqualTo(Types.STRING);
        assertThat(rowInfo.<Double>getTypeAt("stats.f1")).isEqualTo(Types.DOUBLE);
        assertThat(Types.ROW(Types.INT)).isEqualTo(new RowTypeInfo(Types.INT));
        assertThat(Types.ROW(Types.INT))
                .isNotEqualTo(Types.ROW_NAMED(new String[] {"x"}, Types.INT));
        assertThat(RowTypeInfo.projectFields(rowInfo, new int[] {1}).getFieldNames())
                .containsExactly("stats");
    }

    @Test
    void fieldExpressionErrorsNameTheFields() {
        CompositeType<?> row = (CompositeType<?>) Types.ROW_NAMED(new String[] {"a"}, Types.INT);
        assertThatThrownBy(() -> row.getTypeAt("b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b' does not exist")
                .hasMessageContaining("a");
        assertThatThrownBy(() -> row.getTypeAt("a.x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no fields");
        assertThatThrownBy(() -> Types.ROW_NAMED(new String[] {"a", "a"}, Types.INT, Types.INT))
                .hasMessageContaining("unique");
    }

    @Test
    void arrays() {
        assertThat(Types.PRIMITIVE_ARRAY(Types.INT))
                .isSameAs(PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(Types.PRIMITIVE_ARRAY(Types.CHAR).getTypeClass()).isEqualTo(char[].class);
        assertThatThrownBy(() -> Types.PRIMITIVE_ARRAY(Types.STRING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Types.OBJECT_ARRAY");
        assertThat(Types.OBJECT_ARRAY(Types.STRING))
                .isSameAs(BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO);
        TypeInformation<List<String>[]> lists = Types.OBJECT_ARRAY(Types.LIST(Types.STRING));
        assertThat(lists).isInstanceOf(ObjectArrayTypeInfo.class);
        assertThat(lists.getTypeClass()).isEqualTo(List[].class);
    }

    @Test
    void typeInformationIsShippable() {
        TypeInformation<?> info =
                Types.ROW_NAMED(
                        new String[] {"t", "l", "m", "e"},
                        Types.TUPLE(Types.STRING, Types.PRIMITIVE_ARRAY(Types.BYTE)),
                        Types.LIST(Types.INSTANT),
                        Types.MAP(Types.STRING, Types.OBJECT_ARRAY(Types.LOCAL_TIME)),
                        Types.ENUM(Thread.State.class));
        assertThat(SerializerChecks.javaRoundTrip(info)).isEqualTo(info).hasSameHashCodeAs(info);
        TypeInformation<?> pojo = Types.POJO(SamplePojo.class);
        assertThat(SerializerChecks.javaRoundTrip(pojo)).isEqualTo(pojo);
    }

    public static class SamplePojo {
        public String name;
        private int count;

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }
    }

    @Test
    void typeHintEquality() {
        TypeHint<List<String>> hint = new TypeHint<>() {};
        assertThat(hint.getTypeInfo()).isEqualTo(Types.LIST(Types.STRING));
        assertThat(hint).isEqualTo(new TypeHint<List<String>>() {});
        assertThat(hint.toString()).isEqualTo("TypeHint: List<String>");
    }
}
