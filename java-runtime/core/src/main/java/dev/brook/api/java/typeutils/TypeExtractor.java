package dev.brook.api.java.typeutils;

import dev.brook.api.common.typeinfo.BasicArrayTypeInfo;
import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.LocalTimeTypeInfo;
import dev.brook.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.brook.api.common.typeinfo.SqlTimeTypeInfo;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.tuple.Tuple;
import dev.brook.api.java.tuple.Tuple0;
import dev.brook.types.Row;
import dev.brook.types.RowUtils;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derives {@link TypeInformation} from Java types: from classes, from generic types, and from the
 * signatures of user functions.
 *
 * <h2>Types</h2>
 *
 * <p>{@link #createTypeInfo(Type)} maps basic types (String, boxed and primitive numbers, ...) to
 * {@link BasicTypeInfo}; time types to {@link LocalTimeTypeInfo} and {@link SqlTimeTypeInfo};
 * arrays to {@link PrimitiveArrayTypeInfo}, {@link BasicArrayTypeInfo} or {@link
 * ObjectArrayTypeInfo}; enums to {@link EnumTypeInfo}; tuples to {@link TupleTypeInfo} (with the
 * field types taken from the generic type, e.g. {@code Tuple2<String, Integer>}, or from the
 * generic superclass of a tuple subclass); {@code List<E>} and {@code Map<K, V>} to {@link
 * ListTypeInfo} and {@link MapTypeInfo}; classes that follow the POJO rules (see {@link
 * #getPojoTypeInfo}) to {@link PojoTypeInfo}, with field types extracted recursively; and anything
 * else to {@link GenericTypeInfo}. {@link Row} has no fixed arity and maps to a generic type.
 *
 * <h2>Function signatures</h2>
 *
 * <p>{@link #getUnaryOperatorReturnType}, {@link #getBinaryOperatorReturnType} and the general
 * {@link #extractTypeArgument} find the output type of a function from the type arguments it gives
 * its function interface or base class, searching its class hierarchy: named classes, anonymous
 * classes and generic intermediate classes (such as {@code RichMapFunction<IN, OUT>}) all work.
 * Type variables that the function leaves open (a generic {@code Identity<T> implements
 * MapFunction<T, T>}) are bound by unifying the declared input types with the known input type
 * information.
 *
 * <h2>Lambdas and unknown types</h2>
 *
 * <p>Java erases the type arguments of lambdas. For serializable lambdas (all Brook function
 * interfaces are serializable) the erased result class is recovered from the lambda's {@link
 * java.lang.invoke.SerializedLambda}, and a method reference's full generic signature from the
 * referenced method (see {@link LambdaSignatures}). So {@code map(s -> s.length())} yields {@code
 * Integer}, and {@code map(s -> Tuple2.of(s, 1))} a {@code Tuple2} whose field types are dynamic.
 *
 * <p>Whatever stays unknown (an erased type argument, an unbound type variable, {@code Object})
 * becomes a {@link DynamicTypeInfo}, whose serializer tags each value with its runtime class. Jobs
 * therefore run without {@code .returns(...)}; declaring the type with {@code .returns(...)} still
 * takes precedence and gives faster, smaller serialization.
 *
 * <p>Errors are reserved for contradictions (a function that does not implement the given base
 * type, an explicitly requested POJO that is none); missing information never fails.
 */
public final class TypeExtractor {

    private TypeExtractor() {}

    // ---------------------------------------------------------------------------------------
    // Types
    // ---------------------------------------------------------------------------------------

    /** Type information for a class (generic classes get dynamic type arguments). */
    @SuppressWarnings("unchecked") // the information describes values of typeClass
    public static <T> TypeInformation<T> createTypeInfo(Class<T> typeClass) {
        return (TypeInformation<T>) new Extraction().typeInfo(typeClass);
    }

    /** Type information for a Java type, such as a {@link ParameterizedType}. */
    public static TypeInformation<?> createTypeInfo(Type type) {
        return new Extraction().typeInfo(Objects.requireNonNull(type, "type"));
    }

    /** Same as {@link #createTypeInfo(Class)}. */
    public static <T> TypeInformation<T> getForClass(Class<T> clazz) {
        return createTypeInfo(clazz);
    }

    /**
     * Type information for a value, looking into the value where the class alone says too little:
     * the field types of a {@code Tuple<n>} and of a {@link Row} come from their field values (null
     * fields become dynamic).
     */
    @SuppressWarnings("unchecked") // the information describes values of value's class
    public static <T> TypeInformation<T> getForObject(T value) {
        Objects.requireNonNull(value, "Cannot extract the type of null; declare the type instead.");
        if (value instanceof Tuple
                && value.getClass() == Tuple.getTupleClass(((Tuple) value).getArity())) {
            Tuple tuple = (Tuple) value;
            TypeInformation<?>[] fields = new TypeInformation<?>[tuple.getArity()];
            for (int i = 0; i < fields.length; i++) {
                Object field = tuple.getField(i);
                fields[i] = field == null ? DynamicTypeInfo.ofAnyClass() : getForObject(field);
            }
            return (TypeInformation<T>) new TupleTypeInfo<>(fields);
        }
        if (value instanceof Row) {
            return (TypeInformation<T>) rowTypeOf((Row) value);
        }
        return (TypeInformation<T>) createTypeInfo(value.getClass());
    }

    private static RowTypeInfo rowTypeOf(Row row) {
        Map<String, Object> byName = RowUtils.fieldsByName(row);
        if (byName != null) {
            TypeInformation<?>[] types = new TypeInformation<?>[byName.size()];
            String[] names = byName.keySet().toArray(new String[0]);
            for (int i = 0; i < names.length; i++) {
                types[i] = fieldTypeOf(byName.get(names[i]));
            }
            return new RowTypeInfo(types, names);
        }
        TypeInformation<?>[] types = new TypeInformation<?>[row.getArity()];
        for (int i = 0; i < types.length; i++) {
            types[i] = fieldTypeOf(row.getField(i));
        }
        LinkedHashMap<String, Integer> names = RowUtils.positionsByName(row);
        return names == null
                ? new RowTypeInfo(types)
                : new RowTypeInfo(types, names.keySet().toArray(new String[0]));
    }

    private static TypeInformation<?> fieldTypeOf(Object value) {
        return value == null ? DynamicTypeInfo.ofAnyClass() : getForObject(value);
    }

    /**
     * Type information for type argument {@code returnParamPos} of {@code baseClass} as fixed by
     * {@code clazz}, which must specify it completely. Used by {@link
     * dev.brook.api.common.typeinfo.TypeHint}.
     *
     * @param instance unused; present for signature compatibility
     * @throws IllegalArgumentException if {@code clazz} does not extend {@code baseClass} or the
     *     type argument contains type variables
     */
    @SuppressWarnings("unchecked") // the caller states the type of the argument
    public static <OUT> TypeInformation<OUT> createTypeInfo(
            Object instance, Class<?> baseClass, Class<?> clazz, int returnParamPos) {
        Type[] arguments = GenericTypes.typeArgumentsOf(clazz, baseClass);
        if (arguments == null) {
            throw new IllegalArgumentException(
                    clazz.getName() + " does not extend " + baseClass.getName());
        }
        Type argument = arguments[returnParamPos];
        if (!GenericTypes.isResolved(argument, Map.of())) {
            throw new IllegalArgumentException(
                    "The type argument "
                            + argument.getTypeName()
                            + " of "
                            + baseClass.getSimpleName()
                            + " in "
                            + clazz.getName()
                            + " contains type variables, which have no value at runtime. Write"
                            + " the type out completely (e.g. new TypeHint<Tuple2<String,"
                            + " Long>>() {}), or build the TypeInformation with Types.");
        }
        return (TypeInformation<OUT>) createTypeInfo(argument);
    }

    /**
     * The POJO type information of {@code pojoClass}.
     *
     * @throws IllegalArgumentException listing every rule the class breaks; the rules are: a public
     *     class, static if nested, not abstract, with a public no-argument constructor, whose
     *     non-static non-transient fields (including inherited ones) are public or have public
     *     getters and setters; public records qualify too
     */
    public static <T> PojoTypeInfo<T> getPojoTypeInfo(Class<T> pojoClass) {
        List<String> violations = PojoRules.violations(pojoClass);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(
                    pojoClass.getName()
                            + " cannot be used as a POJO type: "
                            + String.join("; ", violations)
                            + ". A POJO must be a public (and, if nested, static) class with a"
                            + " public no-argument constructor whose fields are public or have"
                            + " public getters and setters.");
        }
        return new Extraction().pojo(pojoClass, pojoClass);
    }

    // ---------------------------------------------------------------------------------------
    // Function signatures
    // ---------------------------------------------------------------------------------------

    /**
     * The output type of a one-input function.
     *
     * <p>Examples, for a {@code DataStream<IN>} with type {@code inType}:
     *
     * <pre>{@code
     * getUnaryOperatorReturnType(mapper, MapFunction.class, 0, 1, inType)
     * getUnaryOperatorReturnType(flatMapper, FlatMapFunction.class, 0, 1, inType)
     * getUnaryOperatorReturnType(keySelector, KeySelector.class, 0, 1, inType)
     * getUnaryOperatorReturnType(processFunction, ProcessFunction.class, 0, 1, inType)
     * getUnaryOperatorReturnType(source, SourceFunction.class, -1, 0, null)
     * }</pre>
     *
     * <p>A function that implements {@link ResultTypeQueryable} is asked directly. Otherwise see
     * the class documentation; if the type cannot be determined the result is a {@link
     * DynamicTypeInfo}, never an error.
     *
     * @param function the user function (a class instance, anonymous class or lambda)
     * @param baseType the function interface or abstract base class that declares the type
     *     parameters, e.g. {@code MapFunction.class}
     * @param inputTypeArgumentIndex the position of the input type parameter in {@code baseType},
     *     or -1 if there is none
     * @param outputTypeArgumentIndex the position of the output type parameter in {@code baseType}
     * @param inType the type information of the input, or null if unknown
     * @throws IllegalArgumentException if {@code function} is not a {@code baseType}
     */
    @SuppressWarnings("unchecked") // a ResultTypeQueryable states the type it produces
    public static <IN, OUT> TypeInformation<OUT> getUnaryOperatorReturnType(
            Object function,
            Class<?> baseType,
            int inputTypeArgumentIndex,
            int outputTypeArgumentIndex,
            TypeInformation<IN> inType) {
        if (function instanceof ResultTypeQueryable) {
            return ((ResultTypeQueryable<OUT>) function).getProducedType();
        }
        TypeInformation<?>[] known = new TypeInformation<?>[inputTypeArgumentIndex + 1];
        if (inputTypeArgumentIndex >= 0) {
            known[inputTypeArgumentIndex] = inType;
        }
        return extractTypeArgument(function, baseType, outputTypeArgumentIndex, known);
    }

    /**
     * The output type of a two-input function, e.g. {@code getBinaryOperatorReturnType(coMapper,
     * CoMapFunction.class, 0, 1, 2, in1Type, in2Type)}. Behaves like {@link
     * #getUnaryOperatorReturnType}.
     */
    @SuppressWarnings("unchecked") // a ResultTypeQueryable states the type it produces
    public static <IN1, IN2, OUT> TypeInformation<OUT> getBinaryOperatorReturnType(
            Object function,
            Class<?> baseType,
            int input1TypeArgumentIndex,
            int input2TypeArgumentIndex,
            int outputTypeArgumentIndex,
            TypeInformation<IN1> in1Type,
            TypeInformation<IN2> in2Type) {
        if (function instanceof ResultTypeQueryable) {
            return ((ResultTypeQueryable<OUT>) function).getProducedType();
        }
        TypeInformation<?>[] known =
                new TypeInformation<?>
                        [Math.max(input1TypeArgumentIndex, input2TypeArgumentIndex) + 1];
        if (input1TypeArgumentIndex >= 0) {
            known[input1TypeArgumentIndex] = in1Type;
        }
        if (input2TypeArgumentIndex >= 0) {
            known[input2TypeArgumentIndex] = in2Type;
        }
        return extractTypeArgument(function, baseType, outputTypeArgumentIndex, known);
    }

    /**
     * The type information of type argument {@code typeArgumentIndex} of {@code baseType} as
     * implemented by {@code function}. The general form behind the operator methods, for functions
     * with several known inputs, e.g. the output of a {@code KeyedProcessFunction<K, I, O>}: {@code
     * extractTypeArgument(fn, KeyedProcessFunction.class, 2, keyType, inType)}.
     *
     * <p>Unlike the operator methods this does not consult {@link ResultTypeQueryable}, since the
     * requested argument need not be the output.
     *
     * @param knownTypeArguments type information of other type arguments of {@code baseType}, by
     *     position (shorter than the parameter list, or with null entries, where unknown); used to
     *     bind type variables the function leaves open
     * @throws IllegalArgumentException if {@code function} is not a {@code baseType}
     */
    @SuppressWarnings("unchecked") // the caller states the type of the argument
    public static <X> TypeInformation<X> extractTypeArgument(
            Object function,
            Class<?> baseType,
            int typeArgumentIndex,
            TypeInformation<?>... knownTypeArguments) {
        Objects.requireNonNull(function, "function");
        Class<?> functionClass = function.getClass();
        Type[] arguments = GenericTypes.typeArgumentsOf(functionClass, baseType);
        if (arguments == null) {
            throw new IllegalArgumentException(
                    "Function "
                            + functionClass.getName()
                            + " does not implement or extend "
                            + baseType.getName()
                            + "; cannot determine its type argument "
                            + typeArgumentIndex
                            + ".");
        }
        if (typeArgumentIndex < 0 || typeArgumentIndex >= arguments.length) {
            throw new IllegalArgumentException(
                    baseType.getName()
                            + " has "
                            + arguments.length
                            + " type parameters; there is no type argument "
                            + typeArgumentIndex);
        }
        Extraction extraction = new Extraction();
        for (int i = 0; i < knownTypeArguments.length && i < arguments.length; i++) {
            if (knownTypeArguments[i] != null && i != typeArgumentIndex) {
                extraction.bind(arguments[i], knownTypeArguments[i]);
            }
        }
        Type wanted = arguments[typeArgumentIndex];
        if (!GenericTypes.isResolved(wanted, extraction.bindings)
                && LambdaSignatures.isLambdaClass(functionClass)) {
            Type fromLambda = LambdaSignatures.typeArgument(function, baseType, typeArgumentIndex);
            if (fromLambda != null) {
                wanted = fromLambda;
            }
        }
        return (TypeInformation<X>) extraction.typeInfo(wanted);
    }

    // ---------------------------------------------------------------------------------------
    // Extraction
    // ---------------------------------------------------------------------------------------

    /**
     * One extraction: the type information known for type variables, and the POJO classes being
     * analyzed (a POJO that contains itself gets a generic type for the recursive field).
     */
    private static final class Extraction {

        final Map<TypeVariable<?>, TypeInformation<?>> bindings = new HashMap<>();

        private final Set<Class<?>> pojosInProgress = new HashSet<>();

        TypeInformation<?> typeInfo(Type type) {
            if (type instanceof Class) {
                return classInfo((Class<?>) type);
            } else if (type instanceof ParameterizedType) {
                return parameterizedInfo((ParameterizedType) type);
            } else if (type instanceof GenericArrayType) {
                TypeInformation<?> component =
                        typeInfo(((GenericArrayType) type).getGenericComponentType());
                return ObjectArrayTypeInfo.getInfoFor(GenericTypes.rawClass(type), component);
            } else if (type instanceof TypeVariable) {
                TypeInformation<?> bound = bindings.get(type);
                return bound != null ? bound : dynamic(GenericTypes.rawClass(type));
            } else if (type instanceof WildcardType) {
                Type[] upper = ((WildcardType) type).getUpperBounds();
                return upper.length == 0 ? DynamicTypeInfo.ofAnyClass() : typeInfo(upper[0]);
            }
            return DynamicTypeInfo.ofAnyClass();
        }

        private TypeInformation<?> classInfo(Class<?> c) {
            TypeInformation<?> info = BasicTypeInfo.getInfoFor(c);
            if (info == null) {
                info = LocalTimeTypeInfo.getInfoFor(c);
            }
            if (info == null) {
                info = SqlTimeTypeInfo.getInfoFor(c);
            }
            if (info != null) {
                return info;
            }
            if (c == Object.class) {
                return DynamicTypeInfo.ofAnyClass();
            }
            if (c.isArray()) {
                return arrayInfo(c);
            }
            if (Enum.class.isAssignableFrom(c) && c != Enum.class) {
                return enumInfo(c.isEnum() ? c : c.getSuperclass());
            }
            if (Tuple.class.isAssignableFrom(c)) {
                return tupleInfo(c);
            }
            if (c == List.class || c == ArrayList.class) {
                return new ListTypeInfo<>(DynamicTypeInfo.ofAnyClass());
            }
            if (c == Map.class || c == HashMap.class) {
                return new MapTypeInfo<>(
                        DynamicTypeInfo.ofAnyClass(), DynamicTypeInfo.ofAnyClass());
            }
            return pojoOrGeneric(c, c);
        }

        private TypeInformation<?> parameterizedInfo(ParameterizedType p) {
            Class<?> raw = GenericTypes.rawClass(p);
            Type[] arguments = p.getActualTypeArguments();
            if (Tuple.class.isAssignableFrom(raw)) {
                return tupleInfo(p);
            }
            if (raw == List.class || raw == ArrayList.class) {
                return new ListTypeInfo<>(typeInfo(arguments[0]));
            }
            if (raw == Map.class || raw == HashMap.class) {
                return new MapTypeInfo<>(typeInfo(arguments[0]), typeInfo(arguments[1]));
            }
            if (Enum.class.isAssignableFrom(raw) || raw.isInterface()) {
                return classInfo(raw);
            }
            return pojoOrGeneric(p, raw);
        }

        private TypeInformation<?> arrayInfo(Class<?> arrayClass) {
            TypeInformation<?> info = PrimitiveArrayTypeInfo.getInfoFor(arrayClass);
            if (info == null) {
                info = BasicArrayTypeInfo.getInfoFor(arrayClass);
            }
            if (info == null) {
                info =
                        ObjectArrayTypeInfo.getInfoFor(
                                arrayClass, typeInfo(arrayClass.getComponentType()));
            }
            return info;
        }

        @SuppressWarnings({"unchecked", "rawtypes"}) // c is an enum class, checked by the caller
        private TypeInformation<?> enumInfo(Class<?> c) {
            return new EnumTypeInfo(c);
        }

        /** A tuple type, or a generic type for tuple subclasses the tuple serializer can't make. */
        private TypeInformation<?> tupleInfo(Type type) {
            Class<?> raw = GenericTypes.rawClass(type);
            if (raw == Tuple0.class) {
                return new TupleTypeInfo<>(Tuple0.class);
            }
            Class<?> basic = basicTupleClass(raw);
            if (basic == null) {
                return new GenericTypeInfo<>(raw);
            }
            if (raw != basic && !isPlainTupleSubclass(raw, basic)) {
                return new GenericTypeInfo<>(raw);
            }
            Type[] arguments = GenericTypes.typeArgumentsOf(type, basic);
            TypeInformation<?>[] fields = new TypeInformation<?>[arguments.length];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = typeInfo(arguments[i]);
            }
            return newTupleInfo(raw.asSubclass(Tuple.class), fields);
        }

        private <X extends Tuple> TupleTypeInfo<X> newTupleInfo(
                Class<X> tupleClass, TypeInformation<?>[] fields) {
            return new TupleTypeInfo<>(tupleClass, fields);
        }

        /** {@code Tuple<n>} that {@code c} extends, or null for Tuple itself. */
        private Class<?> basicTupleClass(Class<?> c) {
            Class<?> k = c;
            while (k != null && k.getSuperclass() != Tuple.class) {
                k = k.getSuperclass();
            }
            return k;
        }

        /**
         * True if the tuple serializer can create and fill {@code c}: a public, static, concrete
         * class with a public no-argument constructor and no fields beyond the tuple's.
         */
        private boolean isPlainTupleSubclass(Class<?> c, Class<?> basic) {
            int modifiers = c.getModifiers();
            if (!Modifier.isPublic(modifiers)
                    || Modifier.isAbstract(modifiers)
                    || (c.getEnclosingClass() != null && !Modifier.isStatic(modifiers))) {
                return false;
            }
            try {
                c.getConstructor();
            } catch (NoSuchMethodException e) {
                return false;
            }
            for (Class<?> k = c; k != basic; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                        return false;
                    }
                }
            }
            return true;
        }

        private TypeInformation<?> pojoOrGeneric(Type type, Class<?> raw) {
            if (raw.isInterface()
                    || Modifier.isAbstract(raw.getModifiers())
                    || raw == Row.class
                    || pojosInProgress.contains(raw)
                    || !PojoRules.violations(raw).isEmpty()) {
                return new GenericTypeInfo<>(raw);
            }
            return pojo(raw, type);
        }

        /** POJO type information; the caller has checked the rules. */
        <T> PojoTypeInfo<T> pojo(Class<T> pojoClass, Type type) {
            pojosInProgress.add(pojoClass);
            try {
                List<PojoField> fields = new ArrayList<>();
                for (Field f : PojoRules.instanceFields(pojoClass)) {
                    Type fieldType = f.getGenericType();
                    Type[] declaring = GenericTypes.typeArgumentsOf(type, f.getDeclaringClass());
                    if (declaring != null) {
                        TypeVariable<?>[] variables = f.getDeclaringClass().getTypeParameters();
                        Map<TypeVariable<?>, Type> substitution = new HashMap<>();
                        for (int i = 0; i < variables.length && i < declaring.length; i++) {
                            substitution.put(variables[i], declaring[i]);
                        }
                        fieldType = GenericTypes.substitute(fieldType, substitution);
                    }
                    fields.add(new PojoField(f, typeInfo(fieldType)));
                }
                return new PojoTypeInfo<>(pojoClass, fields);
            } finally {
                pojosInProgress.remove(pojoClass);
            }
        }

        private static TypeInformation<?> dynamic(Class<?> c) {
            return new DynamicTypeInfo<>(c);
        }

        /**
         * Records what the type variables in {@code declared} stand for, given that values of that
         * type are described by {@code actual}.
         */
        void bind(Type declared, TypeInformation<?> actual) {
            if (declared instanceof TypeVariable) {
                bindings.putIfAbsent((TypeVariable<?>) declared, actual);
            } else if (declared instanceof ParameterizedType) {
                bindParameterized((ParameterizedType) declared, actual);
            } else if (declared instanceof GenericArrayType) {
                Type component = ((GenericArrayType) declared).getGenericComponentType();
                if (actual instanceof ObjectArrayTypeInfo) {
                    bind(component, ((ObjectArrayTypeInfo<?, ?>) actual).getComponentInfo());
                } else if (actual instanceof BasicArrayTypeInfo) {
                    bind(component, ((BasicArrayTypeInfo<?, ?>) actual).getComponentInfo());
                }
            }
        }

        private void bindParameterized(ParameterizedType declared, TypeInformation<?> actual) {
            Class<?> raw = GenericTypes.rawClass(declared);
            Type[] arguments = declared.getActualTypeArguments();
            if (actual instanceof TupleTypeInfo && Tuple.class.isAssignableFrom(raw)) {
                Class<?> basic = basicTupleClass(raw);
                Type[] fields =
                        basic == null ? null : GenericTypes.typeArgumentsOf(declared, basic);
                TupleTypeInfo<?> tuple = (TupleTypeInfo<?>) actual;
                for (int i = 0; fields != null && i < fields.length && i < tuple.getArity(); i++) {
                    bind(fields[i], tuple.getTypeAt(i));
                }
            } else if (actual instanceof ListTypeInfo) {
                bind(arguments[0], ((ListTypeInfo<?>) actual).getElementTypeInfo());
            } else if (actual instanceof MapTypeInfo && arguments.length == 2) {
                bind(arguments[0], ((MapTypeInfo<?, ?>) actual).getKeyTypeInfo());
                bind(arguments[1], ((MapTypeInfo<?, ?>) actual).getValueTypeInfo());
            } else if (actual instanceof PojoTypeInfo) {
                PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) actual;
                for (int i = 0; i < pojo.getArity(); i++) {
                    Field f = pojo.getPojoFieldAt(i).getField();
                    Type[] declaring =
                            GenericTypes.typeArgumentsOf(declared, f.getDeclaringClass());
                    if (declaring == null) {
                        continue;
                    }
                    Map<TypeVariable<?>, Type> substitution = new HashMap<>();
                    TypeVariable<?>[] variables = f.getDeclaringClass().getTypeParameters();
                    for (int v = 0; v < variables.length && v < declaring.length; v++) {
                        substitution.put(variables[v], declaring[v]);
                    }
                    bind(
                            GenericTypes.substitute(f.getGenericType(), substitution),
                            pojo.getPojoFieldAt(i).getTypeInformation());
                }
            }
        }
    }
}
