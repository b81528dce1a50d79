package dev.brook.types;

import dev.brook.annotation.Internal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Construction of {@link Row}s for serializers; not part of the user API. */
@Internal
public final class RowUtils {

    private RowUtils() {}

    /**
     * A position-based row whose positions can also be addressed by name. {@code fieldByPosition}
     * is used as is (not copied); {@code positionByName} is shared between rows and must not be
     * modified afterwards.
     */
    public static Row createRowWithNamedPositions(
            RowKind kind, Object[] fieldByPosition, LinkedHashMap<String, Integer> positionByName) {
        return new Row(kind, fieldByPosition, null, positionByName);
    }

    /** The name-based fields of {@code row} (live view), or null if it is position-based. */
    public static Map<String, Object> fieldsByName(Row row) {
        return row.fieldByName();
    }

    /** The positional fields of {@code row} (live array), or null if it is name-based. */
    public static Object[] fieldsByPosition(Row row) {
        return row.fieldByPosition();
    }

    /** A position-based row of the given kind holding {@code fields} (not copied). */
    public static Row createRowWithPositions(RowKind kind, Object[] fields) {
        return new Row(kind, fields, null, null);
    }

    /**
     * The position names of a position-based row with names (shared, must not be modified), or
     * null.
     */
    public static LinkedHashMap<String, Integer> positionsByName(Row row) {
        return row.positionByName();
    }
}
