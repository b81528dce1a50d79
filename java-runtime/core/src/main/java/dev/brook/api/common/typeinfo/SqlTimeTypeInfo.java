package dev.brook.api.common.typeinfo;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.SqlDateSerializer;
import dev.brook.api.common.typeutils.base.SqlTimeSerializer;
import dev.brook.api.common.typeutils.base.SqlTimestampSerializer;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;

/** Type information of the {@code java.sql} date and time types. Values may be null. */
public final class SqlTimeTypeInfo<T> extends AtomicTypeInfo<T> {

    private static final long serialVersionUID = 1L;

    public static final SqlTimeTypeInfo<Date> DATE =
            new SqlTimeTypeInfo<>(Date.class, SqlDateSerializer.INSTANCE);
    public static final SqlTimeTypeInfo<Time> TIME =
            new SqlTimeTypeInfo<>(Time.class, SqlTimeSerializer.INSTANCE);
    public static final SqlTimeTypeInfo<Timestamp> TIMESTAMP =
            new SqlTimeTypeInfo<>(Timestamp.class, SqlTimestampSerializer.INSTANCE);

    private SqlTimeTypeInfo(Class<T> clazz, TypeSerializer<T> serializer) {
        super(clazz, serializer);
    }

    /** The type information for {@code type}, or null if it is not a SQL time type. */
    @SuppressWarnings("unchecked") // each branch returns the info of exactly that class
    public static <X> SqlTimeTypeInfo<X> getInfoFor(Class<X> type) {
        if (type == Date.class) {
            return (SqlTimeTypeInfo<X>) DATE;
        } else if (type == Time.class) {
            return (SqlTimeTypeInfo<X>) TIME;
        } else if (type == Timestamp.class) {
            return (SqlTimeTypeInfo<X>) TIMESTAMP;
        }
        return null;
    }
}
