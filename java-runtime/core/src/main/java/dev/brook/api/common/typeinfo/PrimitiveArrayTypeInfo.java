package dev.brook.api.common.typeinfo;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.array.BooleanPrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.CharPrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.DoublePrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.FloatPrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.IntPrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.ShortPrimitiveArraySerializer;
import java.util.HashMap;
import java.util.Map;

/**
 * Type information of arrays of primitives ({@code int[]}, {@code byte[]}, ...). Arrays may be
 * null. Note that arrays make poor keys: their {@code hashCode} is the identity hash.
 */
public final class PrimitiveArrayTypeInfo<T> extends AtomicTypeInfo<T> {

    private static final long serialVersionUID = 1L;

    public static final PrimitiveArrayTypeInfo<boolean[]> BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(boolean[].class, BooleanPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<byte[]> BYTE_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(byte[].class, BytePrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<short[]> SHORT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(short[].class, ShortPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<int[]> INT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(int[].class, IntPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<long[]> LONG_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(long[].class, LongPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<float[]> FLOAT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(float[].class, FloatPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<double[]> DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(double[].class, DoublePrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<char[]> CHAR_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(char[].class, CharPrimitiveArraySerializer.INSTANCE);

    private static final Map<Class<?>, PrimitiveArrayTypeInfo<?>> BY_CLASS = new HashMap<>();

    static {
        for (PrimitiveArrayTypeInfo<?> info :
                new PrimitiveArrayTypeInfo<?>[] {
                    BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO, BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
                    SHORT_PRIMITIVE_ARRAY_TYPE_INFO, INT_PRIMITIVE_ARRAY_TYPE_INFO,
                    LONG_PRIMITIVE_ARRAY_TYPE_INFO, FLOAT_PRIMITIVE_ARRAY_TYPE_INFO,
                    DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO, CHAR_PRIMITIVE_ARRAY_TYPE_INFO
                }) {
            BY_CLASS.put(info.getTypeClass(), info);
        }
    }

    private PrimitiveArrayTypeInfo(Class<T> arrayClass, TypeSerializer<T> serializer) {
        super(arrayClass, serializer);
    }

    /** The type information for {@code type}, or null if it is not an array of primitives. */
    @SuppressWarnings("unchecked") // BY_CLASS maps each class to the info of that class
    public static <X> PrimitiveArrayTypeInfo<X> getInfoFor(Class<X> type) {
        return (PrimitiveArrayTypeInfo<X>) BY_CLASS.get(type);
    }

    /** The primitive component class, e.g. {@code int.class}. */
    public Class<?> getComponentClass() {
        return getTypeClass().getComponentType();
    }

    /** The type information of one element, e.g. {@link BasicTypeInfo#INT_TYPE_INFO}. */
    public TypeInformation<?> getComponentType() {
        return BasicTypeInfo.getInfoFor(getComponentClass());
    }

    @Override
    public String toString() {
        return getComponentClass().getName() + "[]";
    }
}
