package dev.brook.streaming.api.functions.aggregation;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Rolling sum of one field; the other fields keep the values of the first record of the key.
 * Numbers are added according to their runtime class.
 */
public final class SumAggregator<T> implements ReduceFunction<T> {

    private static final long serialVersionUID = 1L;

    private final FieldAccessor<T> accessor;
    private final TypeSerializer<T> serializer;

    public SumAggregator(int pos, TypeInformation<T> type) {
        this.accessor = FieldAccessor.forPosition(type, pos);
        this.serializer = type.createSerializer();
    }

    public SumAggregator(String field, TypeInformation<T> type) {
        this.accessor = FieldAccessor.forName(type, field);
        this.serializer = type.createSerializer();
    }

    @Override
    public T reduce(T value1, T value2) {
        Object sum = add(accessor.get(value1), accessor.get(value2));
        return accessor.set(serializer.copy(value1), sum);
    }

    static Object add(Object a, Object b) {
        if (a instanceof Integer x) {
            return x + (Integer) b;
        } else if (a instanceof Long x) {
            return x + ((Number) b).longValue();
        } else if (a instanceof Double x) {
            return x + ((Number) b).doubleValue();
        } else if (a instanceof Float x) {
            return x + ((Number) b).floatValue();
        } else if (a instanceof Short x) {
            return (short) (x + (Short) b);
        } else if (a instanceof Byte x) {
            return (byte) (x + (Byte) b);
        } else if (a instanceof BigInteger x) {
            return x.add((BigInteger) b);
        } else if (a instanceof BigDecimal x) {
            return x.add((BigDecimal) b);
        }
        throw new IllegalArgumentException(
                "Cannot sum values of type "
                        + (a == null ? "null" : a.getClass().getName())
                        + "; sum works on numeric fields.");
    }
}
