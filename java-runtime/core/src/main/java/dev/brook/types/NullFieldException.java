package dev.brook.types;

/**
 * Thrown when a field that must hold a value is null, for example a tuple field whose serializer
 * cannot represent null. Carries the position of the field so callers can name it.
 */
public class NullFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int fieldPos;

    public NullFieldException(int fieldPos) {
        this(fieldPos, null);
    }

    public NullFieldException(int fieldPos, Throwable cause) {
        super(
                "Field "
                        + fieldPos
                        + " is null but must hold a value. Tuple fields of basic types (Integer,"
                        + " Long, ...) cannot be null; use a Row or a POJO, whose fields may be"
                        + " null.",
                cause);
        this.fieldPos = fieldPos;
    }

    /** The position of the null field. */
    public int getFieldPos() {
        return fieldPos;
    }
}
