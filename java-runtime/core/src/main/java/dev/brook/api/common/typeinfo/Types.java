package dev.brook.api.common.typeinfo;

import dev.brook.api.java.tuple.Tuple;
import dev.brook.api.java.typeutils.EnumTypeInfo;
import dev.brook.api.java.typeutils.GenericTypeInfo;
import dev.brook.api.java.typeutils.ListTypeInfo;
import dev.brook.api.java.typeutils.MapTypeInfo;
import dev.brook.api.java.typeutils.ObjectArrayTypeInfo;
import dev.brook.api.java.typeutils.PojoField;
import dev.brook.api.java.typeutils.PojoTypeInfo;
import dev.brook.api.java.typeutils.RowTypeInfo;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import dev.brook.api.java.typeutils.TypeExtractor;
import dev.brook.types.Row;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Type information for common types, for declaring the type of a stream where it cannot be
 * extracted, e.g. {@code .returns(Types.TUPLE(Types.STRING, Types.INT))}.
 */
public final class Types {

    public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID_TYPE_INFO;
    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT_TYPE_INFO;
    public static final TypeInformation<java.sql.Date> SQL_DATE = SqlTimeTypeInfo.DATE;
    public static final TypeInformation<java.sql.Time> SQL_TIME = SqlTimeTypeInfo.TIME;
    public static final TypeInformation<java.sql.Timestamp> SQL_TIMESTAMP =
            SqlTimeTypeInfo.TIMESTAMP;
    public static final TypeInformation<LocalDate> LOCAL_DATE = LocalTimeTypeInfo.LOCAL_DATE;
    public static final TypeInformation<LocalTime> LOCAL_TIME = LocalTimeTypeInfo.LOCAL_TIME;
    public static final TypeInformation<LocalDateTime> LOCAL_DATE_TIME =
            LocalTimeTypeInfo.LOCAL_DATE_TIME;

    private Types() {}

    /** Rows with the given field types, named {@code f0}, {@code f1}, ... Fields may be null. */
    public static TypeInformation<Row> ROW(TypeInformation<?>... types) {
        return new RowTypeInfo(types);
    }

    /** Rows with the given field names and types. Fields may be null. */
    public static TypeInformation<Row> ROW_NAMED(String[] fieldNames, TypeInformation<?>... types) {
        return new RowTypeInfo(types, fieldNames);
    }

    /** Tuples ({@code Tuple<n>}) with the given field types. */
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        return new TupleTypeInfo<>(types);
    }

    /**
     * A subclass of a tuple class whose type arguments are fixed, such as {@code class WordCount
     * extends Tuple2<String, Integer>}.
     *
     * @throws IllegalArgumentException if the class is not such a tuple subclass
     */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        TypeInformation<T> info = TypeExtractor.createTypeInfo(tupleSubclass);
        if (!(info instanceof TupleTypeInfo)) {
            throw new IllegalArgumentException(
                    tupleSubclass.getName()
                            + " cannot be used as a tuple type: it must extend one of Tuple1 to"
                            + " Tuple25 with concrete type arguments, have a public no-argument"
                            + " constructor and declare no fields of its own.");
        }
        return info;
    }

    /**
     * A POJO class, with its fields analyzed by reflection.
     *
     * @throws IllegalArgumentException naming the reasons if the class is not a valid POJO
     */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        return TypeExtractor.getPojoTypeInfo(pojoClass);
    }

    /**
     * A POJO class with explicitly given field types, for fields whose types cannot be extracted.
     * Only the listed fields are serialized; they may be private (they are accessed by reflection).
     *
     * @throws IllegalArgumentException if a listed field does not exist
     */
    public static <T> TypeInformation<T> POJO(
            Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        List<PojoField> pojoFields = new ArrayList<>(fields.size());
        for (Map.Entry<String, TypeInformation<?>> e : fields.entrySet()) {
            pojoFields.add(new PojoField(findField(pojoClass, e.getKey()), e.getValue()));
        }
        return new PojoTypeInfo<>(pojoClass, pojoFields);
    }

    private static Field findField(Class<?> clazz, String name) {
        for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException(
                "Field '"
                        + name
                        + "' does not exist in "
                        + clazz.getName()
                        + " or its superclasses. Check the field names given to Types.POJO.");
    }

    /** A type treated as a black box; see {@link GenericTypeInfo} for how it is serialized. */
    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(genericClass);
    }

    /**
     * Arrays of a primitive type: {@code PRIMITIVE_ARRAY(Types.INT)} is {@code int[]}.
     *
     * @throws IllegalArgumentException if the element type is not one of BOOLEAN, BYTE, SHORT, INT,
     *     LONG, FLOAT, DOUBLE, CHAR
     */
    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        Class<?> boxed = elementType.getTypeClass();
        Class<?> primitive = elementType.isBasicType() ? primitiveOf(boxed) : null;
        if (primitive == null) {
            throw new IllegalArgumentException(
                    "Invalid element type for a primitive array: "
                            + elementType
                            + ". Use one of Types.BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE,"
                            + " CHAR, or Types.OBJECT_ARRAY for arrays of objects.");
        }
        return PrimitiveArrayTypeInfo.getInfoFor(primitive.arrayType());
    }

    private static Class<?> primitiveOf(Class<?> boxed) {
        if (boxed == Boolean.class) {
            return boolean.class;
        } else if (boxed == Byte.class) {
            return byte.class;
        } else if (boxed == Short.class) {
            return short.class;
        } else if (boxed == Integer.class) {
            return int.class;
        } else if (boxed == Long.class) {
            return long.class;
        } else if (boxed == Float.class) {
            return float.class;
        } else if (boxed == Double.class) {
            return double.class;
        } else if (boxed == Character.class) {
            return char.class;
        }
        return null;
    }

    /** Arrays of objects with the given element type. Arrays and elements may be null. */
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        if (elementType instanceof BasicTypeInfo) {
            TypeInformation<E[]> basic = basicArrayOf(elementType.getTypeClass());
            if (basic != null) {
                return basic;
            }
        }
        return ObjectArrayTypeInfo.getInfoFor(elementType);
    }

    @SuppressWarnings("unchecked") // the array class of E is the class of E[]
    private static <E> TypeInformation<E[]> basicArrayOf(Class<E> elementClass) {
        return (TypeInformation<E[]>) BasicArrayTypeInfo.getInfoFor(elementClass.arrayType());
    }

    /** Lists with the given element type; read back as {@link java.util.ArrayList}s. */
    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        return new ListTypeInfo<>(elementType);
    }

    /** Maps with the given key and value types; read back as {@link java.util.HashMap}s. */
    public static <K, V> TypeInformation<Map<K, V>> MAP(
            TypeInformation<K> keyType, TypeInformation<V> valueType) {
        return new MapTypeInfo<>(keyType, valueType);
    }

    /** The constants of an enum, serialized by ordinal. */
    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumType) {
        return new EnumTypeInfo<>(enumType);
    }
}
