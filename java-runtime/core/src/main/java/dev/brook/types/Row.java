package dev.brook.types;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A record of fields of any type, with a {@link RowKind} that says what it means in a changelog.
 *
 * <p>A row is in one of three field modes, fixed at creation:
 *
 * <ul>
 *   <li><b>position-based</b> ({@link #of}, {@link #withPositions}): fields are addressed by index;
 *   <li><b>name-based</b> ({@link #withNames}): fields are addressed by name, in insertion order,
 *       and the arity grows as fields are set;
 *   <li><b>position-based with names</b>: what serializers produce when the row type declares field
 *       names; fields are stored by position and can also be addressed by name.
 * </ul>
 *
 * <p>Field values may be null. Rows compare field by field; arrays are compared by content.
 */
public final class Row implements Serializable {

    private static final long serialVersionUID = 1L;

    private RowKind kind;

    /** The fields in position-based modes; null in name-based mode. */
    private final Object[] fieldByPosition;

    /** The fields in name-based mode, in insertion order; null otherwise. */
    private final Map<String, Object> fieldByName;

    /** Names of positions in position-based-with-names mode; null otherwise. Shared, read-only. */
    private final LinkedHashMap<String, Integer> positionByName;

    Row(
            RowKind kind,
            Object[] fieldByPosition,
            Map<String, Object> fieldByName,
            LinkedHashMap<String, Integer> positionByName) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.fieldByPosition = fieldByPosition;
        this.fieldByName = fieldByName;
        this.positionByName = positionByName;
    }

    /** A position-based row of the given kind with {@code arity} null fields. */
    public Row(RowKind kind, int arity) {
        this(kind, new Object[arity], null, null);
    }

    /** A position-based {@link RowKind#INSERT} row with {@code arity} null fields. */
    public Row(int arity) {
        this(RowKind.INSERT, arity);
    }

    /** A position-based row of the given kind with {@code arity} null fields. */
    public static Row withPositions(RowKind kind, int arity) {
        return new Row(kind, arity);
    }

    /** A position-based {@link RowKind#INSERT} row with {@code arity} null fields. */
    public static Row withPositions(int arity) {
        return new Row(RowKind.INSERT, arity);
    }

    /** An empty name-based row of the given kind; {@link #setField(String, Object)} adds fields. */
    public static Row withNames(RowKind kind) {
        return new Row(kind, null, new LinkedHashMap<>(), null);
    }

    /** An empty name-based {@link RowKind#INSERT} row. */
    public static Row withNames() {
        return withNames(RowKind.INSERT);
    }

    /** A position-based {@link RowKind#INSERT} row holding {@code values} (not copied). */
    public static Row of(Object... values) {
        return new Row(RowKind.INSERT, values, null, null);
    }

    /** A position-based row of the given kind holding {@code values} (not copied). */
    public static Row ofKind(RowKind kind, Object... values) {
        return new Row(kind, values, null, null);
    }

    /** A shallow copy: same kind, mode and field references. */
    public static Row copy(Row row) {
        Object[] positions = row.fieldByPosition == null ? null : row.fieldByPosition.clone();
        Map<String, Object> names =
                row.fieldByName == null ? null : new LinkedHashMap<>(row.fieldByName);
        return new Row(row.kind, positions, names, row.positionByName);
    }

    /** A new position-based row with the fields of {@code row} at {@code fieldPositions}. */
    public static Row project(Row row, int[] fieldPositions) {
        Row projected = new Row(row.kind, fieldPositions.length);
        for (int i = 0; i < fieldPositions.length; i++) {
            projected.fieldByPosition[i] = row.getField(fieldPositions[i]);
        }
        return projected;
    }

    /** A new name-based row with the fields of {@code row} named {@code fieldNames}. */
    public static Row project(Row row, String[] fieldNames) {
        Row projected = withNames(row.kind);
        for (String name : fieldNames) {
            projected.fieldByName.put(name, row.getField(name));
        }
        return projected;
    }

    /**
     * A new position-based row with the fields of all given rows, in order. The kind is the kind of
     * {@code first}.
     */
    public static Row join(Row first, Row... remaining) {
        int arity = first.getArity();
        for (Row row : remaining) {
            arity += row.getArity();
        }
        Row joined = new Row(first.kind, arity);
        int offset = copyPositions(first, joined, 0);
        for (Row row : remaining) {
            offset = copyPositions(row, joined, offset);
        }
        return joined;
    }

    private static int copyPositions(Row from, Row to, int offset) {
        if (from.fieldByPosition == null) {
            throw new IllegalArgumentException(
                    "Row.join needs position-based rows, but got a name-based row "
                            + from
                            + ". Convert it with Row.project(row, int[]) or build it with"
                            + " Row.of(...).");
        }
        System.arraycopy(from.fieldByPosition, 0, to.fieldByPosition, offset, from.getArity());
        return offset + from.getArity();
    }

    public RowKind getKind() {
        return kind;
    }

    public void setKind(RowKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The number of fields; in name-based mode, the number of fields set so far. */
    public int getArity() {
        return fieldByPosition != null ? fieldByPosition.length : fieldByName.size();
    }

    /** The field at {@code pos} (may be null). Position-based modes only. */
    public Object getField(int pos) {
        return positions("read")[pos];
    }

    /** The field at {@code pos}, cast to the caller's type. Position-based modes only. */
    @SuppressWarnings("unchecked") // the caller states the field's type; a mismatch fails at use
    public <T> T getFieldAs(int pos) {
        return (T) getField(pos);
    }

    /**
     * The field named {@code name} (may be null). Name-based mode, or position-based mode when the
     * row carries field names.
     */
    public Object getField(String name) {
        if (fieldByName != null) {
            return fieldByName.get(name);
        }
        return fieldByPosition[positionOf(name)];
    }

    /** The field named {@code name}, cast to the caller's type. */
    @SuppressWarnings("unchecked") // the caller states the field's type; a mismatch fails at use
    public <T> T getFieldAs(String name) {
        return (T) getField(name);
    }

    /** Sets the field at {@code pos}. Position-based modes only. */
    public void setField(int pos, Object value) {
        positions("write")[pos] = value;
    }

    /** Sets the field named {@code name}; in name-based mode this may add a field. */
    public void setField(String name, Object value) {
        if (fieldByName != null) {
            fieldByName.put(name, value);
        } else {
            fieldByPosition[positionOf(name)] = value;
        }
    }

    /**
     * The field names: in name-based mode always; in position-based mode with names only if {@code
     * includeNamedPositions}. Null when the row has no names.
     */
    public Set<String> getFieldNames(boolean includeNamedPositions) {
        if (fieldByName != null) {
            return fieldByName.keySet();
        }
        if (includeNamedPositions && positionByName != null) {
            return positionByName.keySet();
        }
        return null;
    }

    /** Sets all fields to null (position-based) or removes them (name-based). */
    public void clear() {
        if (fieldByPosition != null) {
            Arrays.fill(fieldByPosition, null);
        } else {
            fieldByName.clear();
        }
    }

    private Object[] positions(String access) {
        if (fieldByPosition == null) {
            throw new IllegalStateException(
                    "Cannot "
                            + access
                            + " a field by position: this row is name-based (created by"
                            + " Row.withNames()). Address fields by name, or create the row with"
                            + " Row.withPositions(arity) or Row.of(...).");
        }
        return fieldByPosition;
    }

    private int positionOf(String name) {
        if (positionByName == null) {
            throw new IllegalStateException(
                    "Cannot access field '"
                            + name
                            + "' by name: this row is position-based and has no field names."
                            + " Address fields by position, or create the row with"
                            + " Row.withNames().");
        }
        Integer pos = positionByName.get(name);
        if (pos == null) {
            throw new IllegalArgumentException(
                    "Unknown field '" + name + "'; this row has fields " + positionByName.keySet());
        }
        return pos;
    }

    // Package-private accessors for RowUtils; they expose internals without copying.
    Object[] fieldByPosition() {
        return fieldByPosition;
    }

    Map<String, Object> fieldByName() {
        return fieldByName;
    }

    LinkedHashMap<String, Integer> positionByName() {
        return positionByName;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Row)) {
            return false;
        }
        Row other = (Row) o;
        if (kind != other.kind) {
            return false;
        }
        if (fieldByPosition != null && other.fieldByPosition != null) {
            return Arrays.deepEquals(fieldByPosition, other.fieldByPosition);
        }
        if (fieldByName != null && other.fieldByName != null) {
            if (fieldByName.size() != other.fieldByName.size()) {
                return false;
            }
            for (Map.Entry<String, Object> e : fieldByName.entrySet()) {
                if (!other.fieldByName.containsKey(e.getKey())
                        || !Objects.deepEquals(e.getValue(), other.fieldByName.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public int hashCode() {
        // The kind's byte, not its identity hash: rows may be keys, and key hashes must agree
        // across processes.
        int h = kind.toByteValue();
        if (fieldByPosition != null) {
            return 31 * h + Arrays.deepHashCode(fieldByPosition);
        }
        int fields = 0;
        for (Map.Entry<String, Object> e : fieldByName.entrySet()) {
            Object value = e.getValue();
            int valueHash =
                    value != null && value.getClass().isArray()
                            ? Arrays.deepHashCode(new Object[] {value})
                            : Objects.hashCode(value);
            fields += e.getKey().hashCode() ^ valueHash;
        }
        return 31 * h + fields;
    }

    /** {@code +I[a, b]} for position-based rows, {@code +I{x=a, y=b}} for name-based rows. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.shortString());
        if (fieldByPosition != null) {
            sb.append('[');
            for (int i = 0; i < fieldByPosition.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(valueToString(fieldByPosition[i]));
            }
            return sb.append(']').toString();
        }
        sb.append('{');
        Iterator<Map.Entry<String, Object>> it = fieldByName.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Object> e = it.next();
            sb.append(e.getKey()).append('=').append(valueToString(e.getValue()));
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        return sb.append('}').toString();
    }

    /** Like {@link String#valueOf(Object)}, but prints the content of arrays. */
    static String valueToString(Object value) {
        if (value == null || !value.getClass().isArray()) {
            return String.valueOf(value);
        }
        // deepToString of a one-element wrapper prints any array kind; strip the wrapper brackets.
        String wrapped = Arrays.deepToString(new Object[] {value});
        return wrapped.substring(1, wrapped.length() - 1);
    }
}
