package dev.brook.types;

/**
 * What a {@link Row} means in a changelog: a new row, the old or new image of an update, or a
 * deletion. Append-only streams carry only {@link #INSERT}.
 *
 * <p>The byte values are part of the serialized form of rows and must never change.
 */
public enum RowKind {
    /** A new row. */
    INSERT("+I", (byte) 0),

    /** The row as it was before an update; always followed by an {@link #UPDATE_AFTER}. */
    UPDATE_BEFORE("-U", (byte) 1),

    /** The row as it is after an update. */
    UPDATE_AFTER("+U", (byte) 2),

    /** A row that was removed. */
    DELETE("-D", (byte) 3);

    private static final RowKind[] BY_BYTE = {INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE};

    private final String shortString;
    private final byte value;

    RowKind(String shortString, byte value) {
        this.shortString = shortString;
        this.value = value;
    }

    /** The two-character form used by {@link Row#toString()}: "+I", "-U", "+U" or "-D". */
    public String shortString() {
        return shortString;
    }

    /** The stable byte that represents this kind in serialized rows. */
    public byte toByteValue() {
        return value;
    }

    /**
     * The kind for a byte written by {@link #toByteValue()}.
     *
     * @throws IllegalArgumentException if the byte is not a known kind, which means the bytes are
     *     not a serialized row or are corrupt
     */
    public static RowKind fromByteValue(byte value) {
        if (value < 0 || value >= BY_BYTE.length) {
            throw new IllegalArgumentException(
                    "Unknown row kind byte "
                            + value
                            + "; expected 0 (+I), 1 (-U), 2 (+U) or 3 (-D). The input is probably"
                            + " not a serialized row, or was written with a different serializer.");
        }
        return BY_BYTE[value];
    }
}
