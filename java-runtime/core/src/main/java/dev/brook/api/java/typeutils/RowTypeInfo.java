package dev.brook.api.java.typeutils;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.typeutils.runtime.RowSerializer;
import dev.brook.types.Row;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Type information of {@link Row}s with a fixed number of named, typed fields. Field values may be
 * null. Rows read back by the serializer are position-based but also accept the field names.
 */
public final class RowTypeInfo extends TupleTypeInfoBase<Row> {

    private static final long serialVersionUID = 1L;

    private final String[] fieldNames;

    /** Rows with the given field types, named {@code f0}, {@code f1}, ... */
    public RowTypeInfo(TypeInformation<?>... types) {
        this(types, defaultNames(types.length));
    }

    /**
     * Rows with the given field types and names.
     *
     * @throws IllegalArgumentException if the counts differ or a name is null or repeated
     */
    public RowTypeInfo(TypeInformation<?>[] types, String[] fieldNames) {
        super(Row.class, types);
        if (types.length != fieldNames.length) {
            throw new IllegalArgumentException(
                    "A row type needs one name per field, got "
                            + types.length
                            + " types and "
                            + fieldNames.length
                            + " names "
                            + Arrays.toString(fieldNames));
        }
        Set<String> seen = new HashSet<>();
        for (String name : fieldNames) {
            if (name == null || !seen.add(name)) {
                throw new IllegalArgumentException(
                        "Row field names must be non-null and unique, got "
                                + Arrays.toString(fieldNames));
            }
        }
        this.fieldNames = fieldNames.clone();
    }

    private static String[] defaultNames(int arity) {
        String[] names = new String[arity];
        for (int i = 0; i < arity; i++) {
            names[i] = "f" + i;
        }
        return names;
    }

    /** A row type of the fields of {@code rowType} at {@code fieldPositions}, keeping the names. */
    public static RowTypeInfo projectFields(RowTypeInfo rowType, int[] fieldPositions) {
        TypeInformation<?>[] types = new TypeInformation<?>[fieldPositions.length];
        String[] names = new String[fieldPositions.length];
        for (int i = 0; i < fieldPositions.length; i++) {
            types[i] = rowType.getTypeAt(fieldPositions[i]);
            names[i] = rowType.fieldNames[fieldPositions[i]];
        }
        return new RowTypeInfo(types, names);
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public String[] getFieldNames() {
        return fieldNames.clone();
    }

    @Override
    public int getFieldIndex(String fieldName) {
        for (int i = 0; i < fieldNames.length; i++) {
            if (fieldNames[i].equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public TypeSerializer<Row> createSerializer(SerializerConfig config) {
        return new RowSerializer(createFieldSerializers(config), fieldNames);
    }

    @Override
    public boolean equals(Object obj) {
        return super.equals(obj) && Arrays.equals(fieldNames, ((RowTypeInfo) obj).fieldNames);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Arrays.hashCode(fieldNames);
    }

    /** {@code Row(name: String, count: Long)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Row(");
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fieldNames[i]).append(": ").append(types[i]);
        }
        return sb.append(')').toString();
    }
}
