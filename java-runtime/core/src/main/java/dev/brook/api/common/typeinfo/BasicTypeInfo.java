package dev.brook.api.common.typeinfo;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.BigDecSerializer;
import dev.brook.api.common.typeutils.base.BigIntSerializer;
import dev.brook.api.common.typeutils.base.BooleanSerializer;
import dev.brook.api.common.typeutils.base.ByteSerializer;
import dev.brook.api.common.typeutils.base.CharSerializer;
import dev.brook.api.common.typeutils.base.DateSerializer;
import dev.brook.api.common.typeutils.base.DoubleSerializer;
import dev.brook.api.common.typeutils.base.FloatSerializer;
import dev.brook.api.common.typeutils.base.InstantSerializer;
import dev.brook.api.common.typeutils.base.IntSerializer;
import dev.brook.api.common.typeutils.base.LongSerializer;
import dev.brook.api.common.typeutils.base.ShortSerializer;
import dev.brook.api.common.typeutils.base.StringSerializer;
import dev.brook.api.common.typeutils.base.VoidSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Type information of the basic types: strings, boxed primitives, {@link Void}, big numbers, {@link
 * Date} and {@link Instant}. Their serializers are stateless singletons.
 */
public class BasicTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    public static final BasicTypeInfo<String> STRING_TYPE_INFO =
            new BasicTypeInfo<>(String.class, StringSerializer.INSTANCE);
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO =
            new BasicTypeInfo<>(Boolean.class, BooleanSerializer.INSTANCE);
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO =
            new BasicTypeInfo<>(Byte.class, ByteSerializer.INSTANCE);
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO =
            new BasicTypeInfo<>(Short.class, ShortSerializer.INSTANCE);
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO =
            new BasicTypeInfo<>(Integer.class, IntSerializer.INSTANCE);
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO =
            new BasicTypeInfo<>(Long.class, LongSerializer.INSTANCE);
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO =
            new BasicTypeInfo<>(Float.class, FloatSerializer.INSTANCE);
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO =
            new BasicTypeInfo<>(Double.class, DoubleSerializer.INSTANCE);
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO =
            new BasicTypeInfo<>(Character.class, CharSerializer.INSTANCE);
    public static final BasicTypeInfo<Date> DATE_TYPE_INFO =
            new BasicTypeInfo<>(Date.class, DateSerializer.INSTANCE);
    public static final BasicTypeInfo<Void> VOID_TYPE_INFO =
            new BasicTypeInfo<>(Void.class, VoidSerializer.INSTANCE);
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO =
            new BasicTypeInfo<>(BigInteger.class, BigIntSerializer.INSTANCE);
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO =
            new BasicTypeInfo<>(BigDecimal.class, BigDecSerializer.INSTANCE);
    public static final BasicTypeInfo<Instant> INSTANT_TYPE_INFO =
            new BasicTypeInfo<>(Instant.class, InstantSerializer.INSTANCE);

    private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = new HashMap<>();

    static {
        for (BasicTypeInfo<?> info :
                new BasicTypeInfo<?>[] {
                    STRING_TYPE_INFO, BOOLEAN_TYPE_INFO, BYTE_TYPE_INFO, SHORT_TYPE_INFO,
                    INT_TYPE_INFO, LONG_TYPE_INFO, FLOAT_TYPE_INFO, DOUBLE_TYPE_INFO,
                    CHAR_TYPE_INFO, DATE_TYPE_INFO, VOID_TYPE_INFO, BIG_INT_TYPE_INFO,
                    BIG_DEC_TYPE_INFO, INSTANT_TYPE_INFO
                }) {
            BY_CLASS.put(info.clazz, info);
        }
        // Primitive classes describe the same values as their wrappers.
        BY_CLASS.put(boolean.class, BOOLEAN_TYPE_INFO);
        BY_CLASS.put(byte.class, BYTE_TYPE_INFO);
        BY_CLASS.put(short.class, SHORT_TYPE_INFO);
        BY_CLASS.put(int.class, INT_TYPE_INFO);
        BY_CLASS.put(long.class, LONG_TYPE_INFO);
        BY_CLASS.put(float.class, FLOAT_TYPE_INFO);
        BY_CLASS.put(double.class, DOUBLE_TYPE_INFO);
        BY_CLASS.put(char.class, CHAR_TYPE_INFO);
        BY_CLASS.put(void.class, VOID_TYPE_INFO);
    }

    private final Class<T> clazz;
    private final TypeSerializer<T> serializer;

    protected BasicTypeInfo(Class<T> clazz, TypeSerializer<T> serializer) {
        this.clazz = Objects.requireNonNull(clazz, "clazz");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /**
     * The basic type information for {@code type} (a wrapper or primitive class, String, ...), or
     * null if {@code type} is not a basic type.
     */
    @SuppressWarnings("unchecked") // BY_CLASS maps each class to the info of that class
    public static <X> BasicTypeInfo<X> getInfoFor(Class<X> type) {
        Objects.requireNonNull(type, "type");
        return (BasicTypeInfo<X>) BY_CLASS.get(type);
    }

    @Override
    public boolean isBasicType() {
        return true;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return clazz;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return clazz.getSimpleName();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof BasicTypeInfo && ((BasicTypeInfo<?>) obj).clazz == clazz;
    }

    @Override
    public int hashCode() {
        return clazz.getName().hashCode();
    }
}
