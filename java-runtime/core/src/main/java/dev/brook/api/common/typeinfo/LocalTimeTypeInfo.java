package dev.brook.api.common.typeinfo;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.LocalDateSerializer;
import dev.brook.api.common.typeutils.base.LocalDateTimeSerializer;
import dev.brook.api.common.typeutils.base.LocalTimeSerializer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Type information of the {@code java.time} local date and time types. Values may be null. */
public final class LocalTimeTypeInfo<T> extends AtomicTypeInfo<T> {

    private static final long serialVersionUID = 1L;

    public static final LocalTimeTypeInfo<LocalDate> LOCAL_DATE =
            new LocalTimeTypeInfo<>(LocalDate.class, LocalDateSerializer.INSTANCE);
    public static final LocalTimeTypeInfo<LocalTime> LOCAL_TIME =
            new LocalTimeTypeInfo<>(LocalTime.class, LocalTimeSerializer.INSTANCE);
    public static final LocalTimeTypeInfo<LocalDateTime> LOCAL_DATE_TIME =
            new LocalTimeTypeInfo<>(LocalDateTime.class, LocalDateTimeSerializer.INSTANCE);

    private LocalTimeTypeInfo(Class<T> clazz, TypeSerializer<T> serializer) {
        super(clazz, serializer);
    }

    /** The type information for {@code type}, or null if it is not a local time type. */
    @SuppressWarnings("unchecked") // each branch returns the info of exactly that class
    public static <X> LocalTimeTypeInfo<X> getInfoFor(Class<X> type) {
        if (type == LocalDate.class) {
            return (LocalTimeTypeInfo<X>) LOCAL_DATE;
        } else if (type == LocalTime.class) {
            return (LocalTimeTypeInfo<X>) LOCAL_TIME;
        } else if (type == LocalDateTime.class) {
            return (LocalTimeTypeInfo<X>) LOCAL_DATE_TIME;
        }
        return null;
    }
}
