package dev.brook.python;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.tuple.Tuple;
import dev.brook.api.java.typeutils.RowTypeInfo;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import dev.brook.types.Row;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Converts the Java values of one {@link PythonTypes} type to and from an Arrow column, the form in
 * which records travel to and from the worker (the mapping is the table in the Python design:
 * STRING is utf8, PICKLED is binary, ROW and TUPLE are structs, ...). Null values are Arrow nulls.
 *
 * <p>Per-record path: {@link #write} and {@link #read} are called once per value and do not
 * allocate beyond the value itself.
 */
abstract class ArrowColumn {

    private final ArrowType arrowType;

    private ArrowColumn(ArrowType arrowType) {
        this.arrowType = arrowType;
    }

    /** The column for values of {@code type}. */
    static ArrowColumn forType(TypeInformation<?> type) {
        if (type instanceof RowTypeInfo row) {
            return new Struct(row.getFieldNames(), columns(row.getFieldTypes()), true);
        }
        if (type instanceof TupleTypeInfo<?> tuple) {
            return new Struct(tuple.getFieldNames(), columns(tuple.getFieldTypes()), false);
        }
        Class<?> c = type.getTypeClass();
        if (c == byte[].class) {
            return new Binary();
        }
        if (c == String.class) {
            return new Utf8();
        }
        if (c == Boolean.class) {
            return new Bool();
        }
        if (c == Byte.class) {
            return new Int8();
        }
        if (c == Short.class) {
            return new Int16();
        }
        if (c == Integer.class) {
            return new Int32();
        }
        if (c == Long.class) {
            return new Int64();
        }
        if (c == Float.class) {
            return new Float32();
        }
        if (c == Double.class) {
            return new Float64();
        }
        // PythonTypes.toJson names the supported types; it fails with the same message.
        PythonTypes.toJson(type);
        throw new IllegalStateException("No Arrow column for " + type);
    }

    private static ArrowColumn[] columns(TypeInformation<?>[] types) {
        ArrowColumn[] columns = new ArrowColumn[types.length];
        for (int i = 0; i < types.length; i++) {
            columns[i] = forType(types[i]);
        }
        return columns;
    }

    /** The Arrow field of this column, named {@code name}. */
    Field field(String name) {
        return new Field(name, FieldType.nullable(arrowType), List.of());
    }

    /** Sets row {@code row} of {@code vector} to {@code value} (may be null). */
    final void write(FieldVector vector, int row, Object value) {
        if (value == null) {
            setNull(vector, row);
        } else {
            writeNonNull(vector, row, value);
        }
    }

    void setNull(FieldVector vector, int row) {
        vector.setNull(row);
    }

    abstract void writeNonNull(FieldVector vector, int row, Object value);

    /** The value at {@code row} of {@code vector}, or null. */
    final Object read(FieldVector vector, int row) {
        return vector.isNull(row) ? null : readNonNull(vector, row);
    }

    abstract Object readNonNull(FieldVector vector, int row);

    private static final class Binary extends ArrowColumn {
        Binary() {
            super(ArrowType.Binary.INSTANCE);
        }

        @Override
        void writeNonNull(FieldVector vector, int row, Object value) {
            ((VarBinaryVector) vector).setSafe(row, (byte[]) value);
        }

        @Override
        Object readNonNull(FieldVector vector, int row) {
            return ((VarBinaryVector) vector).get(row);
        }
    }

    private static final class Utf8 extends ArrowColumn {
        Utf8() {
            super(ArrowType.Utf8.INSTANCE);
        }

        @Override
        void writeNonNull(FieldVector vector, int row, Object value) {
            ((VarCharVector) vector)
                    .setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        Object readNonNull(FieldVector vector, int row) {
            return new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
        }
    }

    private static final class Bool extends ArrowColumn {
        Bool() {
            super(ArrowType.Bool.INSTANCE);
        }

        @Override
        void writeNonNull(FieldVector vector, int row, Object value) {
            ((BitVector) vector).setSafe(row, (Boolean) value ? 1 : 0);
        }

        @Override
        Object readNonNull(FieldVector vector, int row) {
            return ((BitVector) vector).get(row) != 0;
        }
    }

    private static final class Int8 extends ArrowColumn {
        Int8() {
            super(new ArrowType.Int(8, true));
        }

        @Override
        void writeNonNull(FieldVector vector, int row, Object value) {
            ((TinyIntVector) vector).setSafe(row, (Byte) value);
        }

        @Override
        Object readNonNull(FieldVector vector, int row) {
            return ((TinyIntVector) vector).get(row);
        }
    }

    private static final class Int16 extends ArrowColumn {
        Int16() {
            super(new ArrowType.Int(16, true));
        }

        @Override
        void writeNonNull(FieldVector vector, int row, Object value) {
            ((SmallIntVector) vector).setSafe(row, (Short) value);
        }

        @Override
        Object readNonNull(FieldVector vector, int row) {
            return ((SmallIntVector) vector).get(row);
        }
    }

    private static final class Int32 extends ArrowColumn {
        Int32() {
            super(new ArrowType.Int(32, true));
        }

        @Override
        void writeNonNull(FieldVector vector, int row, Object value) {
            ((IntVector) vector).setSafe(row, (Integer) value);
        }

        @Override
        Object readNonNull(FieldVector vector, int row) {
            return ((IntVector) vector).get(row);
        }
    }

    static final class Int64 extends ArrowColumn {
        Int64() {
            super(new ArrowType.Int(64, true));
        }

        @Override
        void writeNonNull(FieldVector vector, int row, Object value) {
            ((BigIntVector) vector).setSafe(row, (Long) value);
        }

        @Override
        Object readNonNull(FieldVector vector, int row) {
            return ((BigIntVector) vector).get(row);
        }
    }

    private static final class Float32 extends ArrowColumn {
        Float32() {
            super(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
        }

        @Override
        void writeNonNull(FieldVector vector, int row, Object value) {
            ((Float4Vector) vector).setSafe(row, (Float) value);
        }

        @Override
        Object readNonNull(FieldVector vector, int row) {
            return ((Float4Vector) vector).get(row);
        }
    }

    private static final class Float64 extends ArrowColumn {
        Float64() {
            super(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
        }

        @Override
        void writeNonNull(FieldVector vector, int row, Object value) {
            ((Float8Vector) vector).setSafe(row, (Double) value);
        }

        @Override
        Object readNonNull(FieldVector vector, int row) {
            return ((Float8Vector) vector).get(row);
        }
    }

    /** A Row or a Tuple: one child column per field, named as the type names its fields. */
    private static final class Struct extends ArrowColumn {
        private final String[] names;
        private final ArrowColumn[] fields;
        private final boolean row;

        Struct(String[] names, ArrowColumn[] fields, boolean row) {
            super(ArrowType.Struct.INSTANCE);
            this.names = names;
            this.fields = fields;
            this.row = row;
        }

        @Override
        Field field(String name) {
            List<Field> children = new ArrayList<>(fields.length);
            for (int i = 0; i < fields.length; i++) {
                children.add(fields[i].field(names[i]));
            }
            return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), children);
        }

        @Override
        void setNull(FieldVector vector, int row) {
            StructVector struct = (StructVector) vector;
            // Children must still cover the row, or a later row's setSafe leaves holes.
            for (int i = 0; i < fields.length; i++) {
                fields[i].setNull((FieldVector) struct.getChildByOrdinal(i), row);
            }
            struct.setNull(row);
        }

        @Override
        void writeNonNull(FieldVector vector, int row, Object value) {
            StructVector struct = (StructVector) vector;
            struct.setIndexDefined(row);
            for (int i = 0; i < fields.length; i++) {
                Object field = this.row ? ((Row) value).getField(i) : ((Tuple) value).getField(i);
                fields[i].write((FieldVector) struct.getChildByOrdinal(i), row, field);
            }
        }

        @Override
        Object readNonNull(FieldVector vector, int row) {
            StructVector struct = (StructVector) vector;
            if (this.row) {
                Row result = new Row(fields.length);
                for (int i = 0; i < fields.length; i++) {
                    result.setField(
                            i, fields[i].read((FieldVector) struct.getChildByOrdinal(i), row));
                }
                return result;
            }
            Tuple result = Tuple.newInstance(fields.length);
            for (int i = 0; i < fields.length; i++) {
                result.setField(fields[i].read((FieldVector) struct.getChildByOrdinal(i), row), i);
            }
            return result;
        }
    }
}
