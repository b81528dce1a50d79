package dev.brook.api.java.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.typeinfo.BasicArrayTypeInfo;
import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.LocalTimeTypeInfo;
import dev.brook.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.brook.api.common.typeinfo.SqlTimeTypeInfo;
import dev.brook.api.common.typeinfo.TypeHint;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple0;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.types.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {

    @Test
    void basicTypesAndPrimitives() {
        assertThat(TypeExtractor.createTypeInfo(String.class)).isEqualTo(Types.STRING);
        assertThat(TypeExtractor.createTypeInfo(Integer.class)).isEqualTo(Types.INT);
        assertThat(TypeExtractor.createTypeInfo(int.class)).isEqualTo(Types.INT);
        assertThat(TypeExtractor.createTypeInfo(BigDecimal.class)).isEqualTo(Types.BIG_DEC);
        assertThat(TypeExtractor.createTypeInfo(LocalDate.class))
                .isEqualTo(LocalTimeTypeInfo.LOCAL_DATE);
        assertThat(TypeExtractor.createTypeInfo(java.sql.Timestamp.class))
                .isEqualTo(SqlTimeTypeInfo.TIMESTAMP);
        assertThat(TypeInformation.of(Long.class)).isSameAs(BasicTypeInfo.LONG_TYPE_INFO);
    }

    @Test
    void arrays() {
        assertThat(TypeExtractor.createTypeInfo(int[].class))
                .isEqualTo(PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(TypeExtractor.createTypeInfo(String[].class))
                .isEqualTo(BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO);
        TypeInformation<Pojo[]> pojos = TypeExtractor.createTypeInfo(Pojo[].class);
        assertThat(pojos).isInstanceOf(ObjectArrayTypeInfo.class);
        assertThat(((ObjectArrayTypeInfo<?, ?>) pojos).getComponentInfo())
                .isInstanceOf(PojoTypeInfo.class);
        TypeInformation<List<String>[]> lists =
                TypeInformation.of(new TypeHint<List<String>[]>() {});
        assertThat(((ObjectArrayTypeInfo<?, ?>) lists).getComponentInfo())
                .isEqualTo(Types.LIST(Types.STRING));
    }

    enum Shape {
        CIRCLE {
            @Override
            public String toString() {
                return "round";
            }
        },
        SQUARE
    }

    @Test
    void enums() {
        assertThat(TypeExtractor.createTypeInfo(Shape.class)).isEqualTo(Types.ENUM(Shape.class));
        assertThat(TypeExtractor.createTypeInfo(Shape.CIRCLE.getClass()))
                .isEqualTo(Types.ENUM(Shape.class));
    }

    @Test
    void genericTypesFromTypeHints() {
        assertThat(TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {}))
                .isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
        assertThat(TypeInformation.of(new TypeHint<Map<String, List<Long>>>() {}))
                .isEqualTo(Types.MAP(Types.STRING, Types.LIST(Types.LONG)));
        assertThat(TypeInformation.of(new TypeHint<Tuple2<String, Tuple3<Long, int[], Pojo>>>() {}))
                .hasToString(
                        "Java Tuple2<String, Java Tuple3<Long, int[], PojoType<"
                                + Pojo.class.getName()
                                + ", fields = [count: Long, name: String]>>>");
    }

    static <T> TypeInformation<?> hintWithVariable() {
        return TypeInformation.of(new TypeHint<Tuple2<T, String>>() {});
    }

    @Test
    void typeHintsMustBeFullySpecified() {
        assertThatThrownBy(TypeExtractorTest::hintWithVariable)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type variables")
                .hasMessageContaining("TypeHint");
    }

    public static class WordCount extends Tuple2<String, Integer> {
        private static final long serialVersionUID = 1L;

        public WordCount() {}
    }

    public static class TupleWithExtraField extends Tuple2<String, Integer> {
        private static final long serialVersionUID = 1L;
        public String extra;
    }

    @Test
    void tuples() {
        TypeInformation<WordCount> wordCount = TypeExtractor.createTypeInfo(WordCount.class);
        assertThat(wordCount)
                .isEqualTo(new TupleTypeInfo<>(WordCount.class, Types.STRING, Types.INT));
        assertThat(Types.TUPLE(WordCount.class)).isEqualTo(wordCount);
        assertThat(TypeExtractor.createTypeInfo(TupleWithExtraField.class))
                .isInstanceOf(GenericTypeInfo.class);
        assertThat(TypeExtractor.createTypeInfo(Tuple0.class)).isEqualTo(Types.TUPLE());

        @SuppressWarnings("rawtypes")
        TypeInformation<Tuple2> raw = TypeExtractor.createTypeInfo(Tuple2.class);
        assertThat(((TupleTypeInfo<?>) raw).getTypeAt(0)).isInstanceOf(DynamicTypeInfo.class);
        assertThatThrownBy(() -> Types.TUPLE(TupleWithExtraField.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TupleWithExtraField.class.getName());
    }

    @Test
    void rowsListsMapsAndUnknownTypes() {
        assertThat(TypeExtractor.createTypeInfo(Row.class))
                .isEqualTo(new GenericTypeInfo<>(Row.class));
        assertThat(TypeExtractor.createTypeInfo(Object.class))
                .isEqualTo(DynamicTypeInfo.ofAnyClass());
        assertThat(TypeExtractor.createTypeInfo(CharSequence.class))
                .isEqualTo(new GenericTypeInfo<>(CharSequence.class));
        assertThat(TypeExtractor.createTypeInfo(List.class))
                .isEqualTo(Types.LIST(DynamicTypeInfo.ofAnyClass()));
    }

    // --- POJO rules ------------------------------------------------------------------------

    /** Public fields. */
    public static class Pojo {
        public String name;
        public Long count;
    }

    /** Private fields with accessors, including a boolean "is" getter and an inherited field. */
    public static class Base {
        private int id;

        public int getId() {
            return id;
        }

        public void setId(int id) {
            this.id = id;
        }
    }

    public static class BeanPojo extends Base {
        private boolean active;
        private String label;
        public transient Object ignored;
        public static int alsoIgnored;

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public String getLabel() {
            return label;
        }

        public BeanPojo setLabel(String label) {
            this.label = label;
            return this;
        }
    }

    public static class Box<T> {
        public T value;
        public List<T> values;
    }

    public static class Node {
        public int value;
        public Node next;
    }

    public record Point(int x, String label) {}

    public static class NoDefaultConstructor {
        public int x;

        public NoDefaultConstructor(int x) {
            this.x = x;
        }
    }

    public static class PrivateField {
        public int visible;
        private int hidden;

        public int getHidden() {
            return hidden;
        }
    }

    public class Inner {
        public int x;
    }

    static class NotPublic {
        public int x;
    }

    @Test
    void pojosWithPublicFieldsOrdersFieldsByName() {
        PojoTypeInfo<Pojo> info = (PojoTypeInfo<Pojo>) TypeExtractor.createTypeInfo(Pojo.class);
        assertThat(info.getFieldNames()).containsExactly("count", "name");
        assertThat(info.getTypeAt("name")).isEqualTo(Types.STRING);
        assertThat(info.getTypeAt(0)).isEqualTo(Types.LONG);
        assertThat(Types.POJO(Pojo.class)).isEqualTo(info);
    }

    @Test
    void pojosWithAccessorsAndInheritedFields() {
        TypeInformation<BeanPojo> info = TypeExtractor.createTypeInfo(BeanPojo.class);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        assertThat(((PojoTypeInfo<?>) info).getFieldNames())
                .containsExactly("active", "id", "label");
        assertThat(((PojoTypeInfo<?>) info).getTypeAt("active")).isEqualTo(Types.BOOLEAN);
    }

    @Test
    void genericPojosResolveTheirFieldTypes() {
        PojoTypeInfo<?> boxOfString =
                (PojoTypeInfo<?>) TypeInformation.of(new TypeHint<Box<String>>() {});
        assertThat(boxOfString.getTypeAt("value")).isEqualTo(Types.STRING);
        assertThat(boxOfString.getTypeAt("values")).isEqualTo(Types.LIST(Types.STRING));
        @SuppressWarnings("rawtypes")
        PojoTypeInfo<Box> raw = (PojoTypeInfo<Box>) TypeExtractor.createTypeInfo(Box.class);
        assertThat(raw.getTypeAt("value")).isInstanceOf(DynamicTypeInfo.class);
    }

    @Test
    void recursivePojosGetAGenericFieldForTheCycle() {
        PojoTypeInfo<?> node = (PojoTypeInfo<?>) TypeExtractor.createTypeInfo(Node.class);
        assertThat(node.getTypeAt("next")).isEqualTo(new GenericTypeInfo<>(Node.class));
    }

    @Test
    void recordsArePojos() {
        PojoTypeInfo<?> point = (PojoTypeInfo<?>) TypeExtractor.createTypeInfo(Point.class);
        assertThat(point.getFieldNames()).containsExactly("label", "x");
        assertThat(point.getTypeAt("x")).isEqualTo(Types.INT);
    }

    @Test
    void classesBreakingThePojoRulesAreGeneric() {
        assertThat(TypeExtractor.createTypeInfo(NoDefaultConstructor.class))
                .isEqualTo(new GenericTypeInfo<>(NoDefaultConstructor.class));
        assertThat(TypeExtractor.createTypeInfo(PrivateField.class))
                .isInstanceOf(GenericTypeInfo.class);
        assertThat(TypeExtractor.createTypeInfo(Inner.class)).isInstanceOf(GenericTypeInfo.class);
        assertThat(TypeExtractor.createTypeInfo(NotPublic.class))
                .isInstanceOf(GenericTypeInfo.class);
    }

    @Test
    void explicitPojoRequestsExplainTheBrokenRules() {
        assertThatThrownBy(() -> Types.POJO(PrivateField.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PrivateField.class.getName())
                .hasMessageContaining(
                        "field 'hidden' is not public and has no public getter and setter");
        assertThatThrownBy(() -> Types.POJO(NoDefaultConstructor.class))
                .hasMessageContaining("no public no-argument constructor");
        assertThatThrownBy(() -> Types.POJO(Inner.class)).hasMessageContaining("non-static inner");
        assertThatThrownBy(() -> Types.POJO(NotPublic.class)).hasMessageContaining("not public");
    }

    @Test
    void explicitPojoFields() {
        TypeInformation<PrivateField> info =
                Types.POJO(PrivateField.class, Map.of("hidden", Types.INT, "visible", Types.INT));
        assertThat(((PojoTypeInfo<?>) info).getFieldNames()).containsExactly("hidden", "visible");
        assertThatThrownBy(() -> Types.POJO(PrivateField.class, Map.of("nope", Types.INT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope' does not exist");
    }

    @Test
    void typesOfObjects() {
        assertThat(TypeExtractor.getForObject(Tuple2.of("a", 1L)))
                .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
        assertThat(TypeExtractor.getForObject(Row.of("a", 1, null)))
                .isEqualTo(Types.ROW(Types.STRING, Types.INT, DynamicTypeInfo.ofAnyClass()));
        Row named = Row.withNames();
        named.setField("word", "w");
        assertThat(TypeExtractor.getForObject(named))
                .isEqualTo(Types.ROW_NAMED(new String[] {"word"}, Types.STRING));
        assertThat(TypeExtractor.getForObject("x")).isEqualTo(Types.STRING);
    }
}
