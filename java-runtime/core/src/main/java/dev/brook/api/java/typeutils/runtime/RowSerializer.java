package dev.brook.api.java.typeutils.runtime;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import dev.brook.types.Row;
import dev.brook.types.RowKind;
import dev.brook.types.RowUtils;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serializes {@link Row}s of a fixed arity. Rows and fields may be null.
 *
 * <p>Form: one byte for the {@link RowKind} ({@code -1} for a null row), then the fields in groups
 * of eight, each group led by a byte whose bit i is set when field i of the group is null (null
 * fields are not written).
 *
 * <p>Name-based rows ({@link Row#withNames()}) are written by matching their names against the
 * serializer's field names. Rows are read back position-based; when the serializer has field names,
 * the rows also accept them in {@link Row#getField(String)}.
 */
public final class RowSerializer extends TypeSerializer<Row> {

    private static final long serialVersionUID = 1L;

    private static final byte NULL_ROW = -1;

    private final TypeSerializer<Object>[] fieldSerializers;

    /** Null if the rows have no field names. */
    private final String[] fieldNames;

    private final int arity;

    /** Derived from {@link #fieldNames}; shared by all rows this serializer creates. */
    private transient LinkedHashMap<String, Integer> positionByName;

    /** Rows without field names. */
    public RowSerializer(TypeSerializer<?>[] fieldSerializers) {
        this(fieldSerializers, null);
    }

    /** Rows whose fields are named {@code fieldNames} (null for no names). */
    @SuppressWarnings("unchecked") // each field serializer handles the values of its field
    public RowSerializer(TypeSerializer<?>[] fieldSerializers, String[] fieldNames) {
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.arity = fieldSerializers.length;
        if (fieldNames != null && fieldNames.length != arity) {
            throw new IllegalArgumentException(
                    "Got "
                            + arity
                            + " field serializers but "
                            + fieldNames.length
                            + " field names "
                            + Arrays.toString(fieldNames));
        }
        this.fieldNames = fieldNames == null ? null : fieldNames.clone();
        this.positionByName = buildPositionByName();
    }

    private LinkedHashMap<String, Integer> buildPositionByName() {
        if (fieldNames == null) {
            return null;
        }
        LinkedHashMap<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < fieldNames.length; i++) {
            positions.put(fieldNames[i], i);
        }
        return positions;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        positionByName = buildPositionByName();
    }

    public int getArity() {
        return arity;
    }

    /** The serializers of the fields, by position (a copy). */
    public TypeSerializer<?>[] getFieldSerializers() {
        return fieldSerializers.clone();
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Row> duplicate() {
        TypeSerializer<?>[] duplicates = new TypeSerializer<?>[arity];
        boolean changed = false;
        for (int i = 0; i < arity; i++) {
            duplicates[i] = fieldSerializers[i].duplicate();
            changed |= duplicates[i] != fieldSerializers[i];
        }
        return changed ? new RowSerializer(duplicates, fieldNames) : this;
    }

    private Row newRow(RowKind kind, Object[] fields) {
        return positionByName == null
                ? RowUtils.createRowWithPositions(kind, fields)
                : RowUtils.createRowWithNamedPositions(kind, fields, positionByName);
    }

    @Override
    public Row createInstance() {
        return newRow(RowKind.INSERT, new Object[arity]);
    }

    @Override
    public Row copy(Row from) {
        if (from == null) {
            return null;
        }
        Map<String, Object> byName = RowUtils.fieldsByName(from);
        if (byName != null) {
            Row copy = Row.withNames(from.getKind());
            for (Map.Entry<String, Object> e : byName.entrySet()) {
                int pos = positionOf(e.getKey(), from);
                Object value = e.getValue();
                copy.setField(e.getKey(), value == null ? null : fieldSerializers[pos].copy(value));
            }
            return copy;
        }
        Object[] fields = fieldsOf(from);
        Object[] copied = new Object[arity];
        for (int i = 0; i < arity; i++) {
            Object value = fields[i];
            copied[i] = value == null ? null : fieldSerializers[i].copy(value);
        }
        return newRow(from.getKind(), copied);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Row record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeByte(NULL_ROW);
            return;
        }
        target.writeByte(record.getKind().toByteValue());
        Map<String, Object> byName = RowUtils.fieldsByName(record);
        if (byName != null) {
            serializeNamed(record, byName, target);
            return;
        }
        Object[] fields = fieldsOf(record);
        for (int start = 0; start < arity; start += 8) {
            int end = Math.min(start + 8, arity);
            int nullMask = 0;
            for (int i = start; i < end; i++) {
                if (fields[i] == null) {
                    nullMask |= 1 << (i - start);
                }
            }
            target.writeByte(nullMask);
            for (int i = start; i < end; i++) {
                Object value = fields[i];
                if (value != null) {
                    fieldSerializers[i].serialize(value, target);
                }
            }
        }
    }

    private void serializeNamed(Row record, Map<String, Object> byName, DataOutputView target)
            throws IOException {
        for (String name : byName.keySet()) {
            positionOf(name, record);
        }
        for (int start = 0; start < arity; start += 8) {
            int end = Math.min(start + 8, arity);
            int nullMask = 0;
            for (int i = start; i < end; i++) {
                if (byName.get(fieldNames[i]) == null) {
                    nullMask |= 1 << (i - start);
                }
            }
            target.writeByte(nullMask);
            for (int i = start; i < end; i++) {
                Object value = byName.get(fieldNames[i]);
                if (value != null) {
                    fieldSerializers[i].serialize(value, target);
                }
            }
        }
    }

    private Object[] fieldsOf(Row row) {
        Object[] fields = RowUtils.fieldsByPosition(row);
        if (fields.length != arity) {
            throw new IllegalArgumentException(
                    "Row "
                            + row
                            + " has "
                            + fields.length
                            + " fields, but the row type has "
                            + arity
                            + (fieldNames == null ? "" : " " + Arrays.toString(fieldNames))
                            + ". Declare the stream's row type with the matching fields.");
        }
        return fields;
    }

    private int positionOf(String name, Row row) {
        Integer pos = positionByName == null ? null : positionByName.get(name);
        if (pos == null) {
            throw new IllegalArgumentException(
                    "Row "
                            + row
                            + " has a field '"
                            + name
                            + "' that the row type does not declare; declared fields are "
                            + (fieldNames == null ? "unnamed" : Arrays.toString(fieldNames))
                            + ".");
        }
        return pos;
    }

    @Override
    public Row deserialize(DataInputView source) throws IOException {
        byte kind = source.readByte();
        if (kind == NULL_ROW) {
            return null;
        }
        Object[] fields = new Object[arity];
        readFields(fields, source);
        return newRow(RowKind.fromByteValue(kind), fields);
    }

    @Override
    public Row deserialize(Row reuse, DataInputView source) throws IOException {
        Object[] fields = reuse == null ? null : RowUtils.fieldsByPosition(reuse);
        if (fields == null || fields.length != arity) {
            return deserialize(source);
        }
        byte kind = source.readByte();
        if (kind == NULL_ROW) {
            return null;
        }
        reuse.setKind(RowKind.fromByteValue(kind));
        readFields(fields, source);
        return reuse;
    }

    private void readFields(Object[] fields, DataInputView source) throws IOException {
        for (int start = 0; start < arity; start += 8) {
            int end = Math.min(start + 8, arity);
            int nullMask = source.readUnsignedByte();
            for (int i = start; i < end; i++) {
                fields[i] =
                        (nullMask & (1 << (i - start))) != 0
                                ? null
                                : fieldSerializers[i].deserialize(source);
            }
        }
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof RowSerializer)) {
            return false;
        }
        RowSerializer other = (RowSerializer) obj;
        return Arrays.equals(fieldSerializers, other.fieldSerializers)
                && Arrays.equals(fieldNames, other.fieldNames);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fieldSerializers) + Arrays.hashCode(fieldNames);
    }

    @Override
    public String toString() {
        return "RowSerializer" + Arrays.toString(fieldSerializers);
    }
}
