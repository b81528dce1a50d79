package dev.brook.streaming.api.functions.aggregation;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;

/**
 * Rolling minimum or maximum of one field. {@code MIN}/{@code MAX} replace only the field and keep
 * the other fields of the first record; {@code MIN_BY}/{@code MAX_BY} keep the whole record that
 * holds the extreme value (on ties the earlier one if {@code first}, else the later one).
 */
public final class ComparableAggregator<T> implements ReduceFunction<T> {

    private static final long serialVersionUID = 1L;

    /** Which aggregation. */
    public enum AggregationType {
        MIN,
        MAX,
        MIN_BY,
        MAX_BY
    }

    private final FieldAccessor<T> accessor;
    private final TypeSerializer<T> serializer;
    private final AggregationType type;
    private final boolean first;

    public ComparableAggregator(
            int pos, TypeInformation<T> typeInfo, AggregationType type, boolean first) {
        this.accessor = FieldAccessor.forPosition(typeInfo, pos);
        this.serializer = typeInfo.createSerializer();
        this.type = type;
        this.first = first;
    }

    public ComparableAggregator(
            String field, TypeInformation<T> typeInfo, AggregationType type, boolean first) {
        this.accessor = FieldAccessor.forName(typeInfo, field);
        this.serializer = typeInfo.createSerializer();
        this.type = type;
        this.first = first;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public T reduce(T value1, T value2) {
        Object a = accessor.get(value1);
        Object b = accessor.get(value2);
        if (!(a instanceof Comparable)) {
            throw new IllegalArgumentException(
                    "Cannot compare values of type "
                            + (a == null ? "null" : a.getClass().getName())
                            + "; min/max need a Comparable field.");
        }
        int c = ((Comparable) a).compareTo(b);
        switch (type) {
            case MIN:
                return c <= 0 ? value1 : accessor.set(serializer.copy(value1), b);
            case MAX:
                return c >= 0 ? value1 : accessor.set(serializer.copy(value1), b);
            case MIN_BY:
                return c < 0 || (c == 0 && first) ? value1 : value2;
            case MAX_BY:
                return c > 0 || (c == 0 && first) ? value1 : value2;
            default:
                throw new IllegalStateException(type.name());
        }
    }
}
