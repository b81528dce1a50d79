package dev.brook.api.java.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.typeutils.TestFunctions.CoMapFunction;
import dev.brook.api.java.typeutils.TestFunctions.Collector;
import dev.brook.api.java.typeutils.TestFunctions.FlatMapFunction;
import dev.brook.api.java.typeutils.TestFunctions.KeySelector;
import dev.brook.api.java.typeutils.TestFunctions.KeyedProcessFunction;
import dev.brook.api.java.typeutils.TestFunctions.MapFunction;
import dev.brook.api.java.typeutils.TestFunctions.ProcessFunction;
import dev.brook.api.java.typeutils.TestFunctions.RichMapFunction;
import dev.brook.api.java.typeutils.TestFunctions.SourceFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionTypeExtractionTest {

    private static final TypeInformation<Tuple2<String, Integer>> WORD_COUNT =
            Types.TUPLE(Types.STRING, Types.INT);

    private static <OUT> TypeInformation<OUT> mapOutput(Object function, TypeInformation<?> in) {
        return TypeExtractor.getUnaryOperatorReturnType(function, MapFunction.class, 0, 1, in);
    }

    private static <OUT> TypeInformation<OUT> flatMapOutput(
            Object function, TypeInformation<?> in) {
        return TypeExtractor.getUnaryOperatorReturnType(function, FlatMapFunction.class, 0, 1, in);
    }

    // --- named, anonymous and generic classes ---------------------------------------------

    public static class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            for (String word : value.split(" ")) {
                out.collect(Tuple2.of(word, 1));
            }
        }
    }

    @Test
    void namedClass() {
        assertThat(flatMapOutput(new Tokenizer(), Types.STRING)).isEqualTo(WORD_COUNT);
    }

    @Test
    void anonymousClass() {
        MapFunction<String, Integer> length =
                new MapFunction<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Integer map(String value) {
                        return value.length();
                    }
                };
        assertThat(mapOutput(length, Types.STRING)).isEqualTo(Types.INT);
    }

    @Test
    void genericSuperclass() {
        RichMapFunction<String, Tuple2<String, Integer>> rich =
                new RichMapFunction<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Tuple2<String, Integer> map(String value) {
                        return Tuple2.of(value, 1);
                    }
                };
        assertThat(mapOutput(rich, Types.STRING)).isEqualTo(WORD_COUNT);
    }

    public abstract static class ToPair<T> extends RichMapFunction<T, Tuple2<T, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<T, Long> map(T value) {
            return Tuple2.of(value, 1L);
        }
    }

    @Test
    void typeVariableFixedBySubclass() {
        ToPair<String> toPair =
                new ToPair<>() {
                    private static final long serialVersionUID = 1L;
                };
        assertThat(mapOutput(toPair, null)).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
    }

    public static class Identity<T> implements MapFunction<T, T> {
        private static final long serialVersionUID = 1L;

        @Override
        public T map(T value) {
            return value;
        }
    }

    public static class First<A, B> implements MapFunction<Tuple2<A, B>, A> {
        private static final long serialVersionUID = 1L;

        @Override
        public A map(Tuple2<A, B> value) {
            return value.f0;
        }
    }

    public static class Wrap<T> implements MapFunction<T, List<T>> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<T> map(T value) {
            return List.of(value);
        }
    }

    @Test
    void typeVariablesBoundByTheInputType() {
        assertThat(mapOutput(new Identity<>(), WORD_COUNT)).isEqualTo(WORD_COUNT);
        assertThat(mapOutput(new First<>(), WORD_COUNT)).isEqualTo(Types.STRING);
        assertThat(mapOutput(new Wrap<>(), Types.LONG)).isEqualTo(Types.LIST(Types.LONG));
    }

    @Test
    void unboundTypeVariablesBecomeDynamic() {
        TypeInformation<Object> output = mapOutput(new Identity<>(), null);
        assertThat(output).isInstanceOf(DynamicTypeInfo.class);
        assertThat(output.getTypeClass()).isEqualTo(Object.class);
    }

    @Test
    void processFunctionsAndMultipleKnownInputs() {
        ProcessFunction<String, Long> process =
                new ProcessFunction<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(String value, Collector<Long> out) {}
                };
        assertThat(
                        TypeExtractor.getUnaryOperatorReturnType(
                                process, ProcessFunction.class, 0, 1, Types.STRING))
                .isEqualTo(Types.LONG);

        KeyedProcessFunction<String, Tuple2<String, Integer>, String> keyed =
                new KeyedProcessFunction<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(Tuple2<String, Integer> v, Collector<String> out) {}
                };
        TypeInformation<String> out =
                TypeExtractor.extractTypeArgument(
                        keyed, KeyedProcessFunction.class, 2, Types.STRING, WORD_COUNT);
        assertThat(out).isEqualTo(Types.STRING);
    }

    @Test
    void twoInputFunctions() {
        CoMapFunction<String, Integer, Boolean> coMap =
                new CoMapFunction<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Boolean map1(String value) {
                        return true;
                    }

                    @Override
                    public Boolean map2(Integer value) {
                        return false;
                    }
                };
        assertThat(
                        TypeExtractor.getBinaryOperatorReturnType(
                                coMap, CoMapFunction.class, 0, 1, 2, Types.STRING, Types.INT))
                .isEqualTo(Types.BOOLEAN);
    }

    static final class DeclaresItsType
            implements MapFunction<Object, Object>, ResultTypeQueryable<Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object map(Object value) {
            return value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public TypeInformation<Object> getProducedType() {
            return (TypeInformation<Object>) (TypeInformation<?>) Types.LOCAL_DATE;
        }
    }

    @Test
    void resultTypeQueryableWins() {
        assertThat(mapOutput(new DeclaresItsType(), Types.STRING)).isEqualTo(Types.LOCAL_DATE);
    }

    @Test
    void functionsOfAnotherBaseTypeAreRejected() {
        assertThatThrownBy(() -> mapOutput(new Tokenizer(), Types.STRING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Tokenizer.class.getName())
                .hasMessageContaining("MapFunction");
    }

    // --- lambdas and method references -----------------------------------------------------

    @Test
    void lambdaReturningABasicType() {
        MapFunction<String, Integer> length = s -> s.length();
        assertThat(mapOutput(length, Types.STRING)).isEqualTo(Types.INT);
    }

    @Test
    void lambdaCapturingValues() {
        String suffix = "!";
        int times = 2;
        MapFunction<String, String> shout = s -> s.repeat(times) + suffix;
        assertThat(mapOutput(shout, Types.STRING)).isEqualTo(Types.STRING);
    }

    @Test
    void lambdaReturningATupleGetsDynamicFields() {
        MapFunction<String, Tuple2<String, Integer>> pair = s -> Tuple2.of(s, 1);
        TypeInformation<Tuple2<String, Integer>> output = mapOutput(pair, Types.STRING);
        assertThat(output).isInstanceOf(TupleTypeInfo.class);
        TupleTypeInfo<?> tuple = (TupleTypeInfo<?>) output;
        assertThat(tuple.getTypeClass()).isEqualTo(Tuple2.class);
        assertThat(tuple.getTypeAt(0)).isInstanceOf(DynamicTypeInfo.class);
        assertThat(tuple.getTypeAt(1)).isInstanceOf(DynamicTypeInfo.class);
    }

    @Test
    void lambdaReturningAPojo() {
        KeySelector<String, Person> toPerson = s -> new Person(s, 1);
        TypeInformation<Person> output =
                TypeExtractor.getUnaryOperatorReturnType(
                        toPerson, KeySelector.class, 0, 1, Types.STRING);
        assertThat(output).isInstanceOf(PojoTypeInfo.class);
        KeySelector<Person, String> name = p -> p.name;
        assertThat(
                        TypeExtractor.<Person, String>getUnaryOperatorReturnType(
                                name, KeySelector.class, 0, 1, output))
                .isEqualTo(Types.STRING);
    }

    @Test
    void lambdaWithCollectorIsDynamic() {
        FlatMapFunction<String, String> split =
                (s, out) -> {
                    for (String word : s.split(" ")) {
                        out.collect(word);
                    }
                };
        assertThat(flatMapOutput(split, Types.STRING)).isEqualTo(DynamicTypeInfo.ofAnyClass());
        SourceFunction<String> source = out -> out.collect("x");
        assertThat(
                        TypeExtractor.<Void, String>getUnaryOperatorReturnType(
                                source, SourceFunction.class, -1, 0, null))
                .isInstanceOf(DynamicTypeInfo.class);
    }

    static Tuple2<String, Integer> parse(String line) {
        return Tuple2.of(line, line.length());
    }

    static void split(String line, Collector<Tuple2<String, Integer>> out) {
        out.collect(parse(line));
    }

    static void produce(Collector<Long> out) {
        out.collect(1L);
    }

    static final class Splitter implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        void split(String line, Collector<String> out) {
            out.collect(line);
        }
    }

    @Test
    void methodReferencesKeepFullGenericTypes() {
        MapFunction<String, Tuple2<String, Integer>> parser = FunctionTypeExtractionTest::parse;
        assertThat(mapOutput(parser, Types.STRING)).isEqualTo(WORD_COUNT);

        FlatMapFunction<String, Tuple2<String, Integer>> splitter =
                FunctionTypeExtractionTest::split;
        assertThat(flatMapOutput(splitter, Types.STRING)).isEqualTo(WORD_COUNT);

        SourceFunction<Long> source = FunctionTypeExtractionTest::produce;
        assertThat(
                        TypeExtractor.<Void, Long>getUnaryOperatorReturnType(
                                source, SourceFunction.class, -1, 0, null))
                .isEqualTo(Types.LONG);
    }

    @Test
    void boundAndUnboundInstanceMethodReferences() {
        Splitter splitter = new Splitter();
        FlatMapFunction<String, String> bound = splitter::split;
        assertThat(flatMapOutput(bound, Types.STRING)).isEqualTo(Types.STRING);

        MapFunction<String, Integer> unbound = String::length;
        assertThat(mapOutput(unbound, Types.STRING)).isEqualTo(Types.INT);

        MapFunction<String, Integer> primitiveResult = Integer::parseInt;
        assertThat(mapOutput(primitiveResult, Types.STRING)).isEqualTo(Types.INT);
    }

    @Test
    void constructorReferences() {
        MapFunction<String, Person> create = Person::new;
        assertThat(mapOutput(create, Types.STRING)).isInstanceOf(PojoTypeInfo.class);
    }

    static <T> MapFunction<T, T> genericIdentityLambda() {
        return value -> value;
    }

    @Test
    void lambdaInGenericContextIsDynamic() {
        assertThat(mapOutput(genericIdentityLambda(), Types.STRING))
                .isEqualTo(DynamicTypeInfo.ofAnyClass());
    }

    /** Not serializable, so the lambda keeps no signature. */
    interface PlainMapper<IN, OUT> {
        OUT map(IN value);
    }

    @Test
    void nonSerializableLambdaIsDynamic() {
        PlainMapper<String, Integer> length = String::length;
        assertThat(
                        TypeExtractor.<String, Integer>getUnaryOperatorReturnType(
                                length, PlainMapper.class, 0, 1, Types.STRING))
                .isEqualTo(DynamicTypeInfo.ofAnyClass());
    }

    /** A POJO with a convenience constructor. */
    public static class Person {
        public String name;
        public int age;

        public Person() {}

        public Person(String name) {
            this(name, 0);
        }

        public Person(String name, int age) {
            this.name = name;
            this.age = age;
        }
    }
}
