package dev.brook.streaming.api.functions.aggregation;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.tuple.Tuple;
import dev.brook.api.java.typeutils.PojoTypeInfo;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import java.io.Serializable;
import java.lang.reflect.Field;

/**
 * Reads and writes one field of a record for the built-in aggregations: a tuple position, a POJO
 * field name, or the record itself for atomic types (position 0 or {@code "*"}).
 */
abstract class FieldAccessor<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    abstract Object get(T record);

    /** Sets the field in {@code record} (a copy) and returns the record to emit. */
    abstract T set(T record, Object value);

    static <T> FieldAccessor<T> forPosition(TypeInformation<T> type, int pos) {
        if (type instanceof TupleTypeInfo<?>) {
            if (pos < 0 || pos >= type.getArity()) {
                throw new IllegalArgumentException(
                        "Field position "
                                + pos
                                + " does not exist in "
                                + type
                                + " (arity "
                                + type.getArity()
                                + ")");
            }
            return new TupleField<>(pos);
        }
        if (type instanceof PojoTypeInfo<?>) {
            throw new IllegalArgumentException(
                    "Aggregating a POJO (" + type + ") needs a field name, not a position.");
        }
        if (pos != 0) {
            throw new IllegalArgumentException(
                    "Type " + type + " has no fields; use position 0 to aggregate the values.");
        }
        return new Atomic<>();
    }

    static <T> FieldAccessor<T> forName(TypeInformation<T> type, String field) {
        if (field.equals("*") || field.equals("_")) {
            return new Atomic<>();
        }
        if (type instanceof TupleTypeInfo<?> tt) {
            int pos = tt.getFieldIndex(field);
            if (pos < 0) {
                throw new IllegalArgumentException(
                        "Field '"
                                + field
                                + "' does not exist in "
                                + type
                                + "; tuple fields are f0, f1, ...");
            }
            return new TupleField<>(pos);
        }
        if (type instanceof PojoTypeInfo<T> pt) {
            int pos = pt.getFieldIndex(field);
            if (pos < 0) {
                throw new IllegalArgumentException(
                        "Field '" + field + "' does not exist in " + type);
            }
            return new PojoField<>(pt.getTypeClass(), pt.getPojoFieldAt(pos).getField().getName());
        }
        throw new IllegalArgumentException(
                "Cannot select field '"
                        + field
                        + "' of type "
                        + type
                        + "; fields can be selected on tuples and POJOs.");
    }

    private static final class Atomic<T> extends FieldAccessor<T> {
        private static final long serialVersionUID = 1L;

        @Override
        Object get(T record) {
            return record;
        }

        @Override
        @SuppressWarnings("unchecked")
        T set(T record, Object value) {
            return (T) value;
        }
    }

    private static final class TupleField<T> extends FieldAccessor<T> {
        private static final long serialVersionUID = 1L;
        private final int pos;

        TupleField(int pos) {
            this.pos = pos;
        }

        @Override
        Object get(T record) {
            return ((Tuple) record).getField(pos);
        }

        @Override
        T set(T record, Object value) {
            ((Tuple) record).setField(value, pos);
            return record;
        }
    }

    private static final class PojoField<T> extends FieldAccessor<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final String name;
        private transient Field field;

        PojoField(Class<T> type, String name) {
            this.type = type;
            this.name = name;
        }

        private Field field() {
            if (field == null) {
                Class<?> c = type;
                while (field == null && c != null) {
                    try {
                        field = c.getDeclaredField(name);
                    } catch (NoSuchFieldException e) {
                        c = c.getSuperclass();
                    }
                }
                if (field == null) {
                    throw new IllegalStateException("Field '" + name + "' vanished from " + type);
                }
                field.setAccessible(true);
            }
            return field;
        }

        @Override
        Object get(T record) {
            try {
                return field().get(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read field '" + name + "' of " + type, e);
            }
        }

        @Override
        T set(T record, Object value) {
            try {
                field().set(record, value);
                return record;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot write field '" + name + "' of " + type, e);
            }
        }
    }
}
