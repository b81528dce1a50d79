package dev.brook.api.common.typeutils.base;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Serializes {@link LocalDateTime}s, including null, as the forms of {@link LocalDateSerializer}
 * and {@link LocalTimeSerializer} (14 bytes); null is written as a null date and a null time.
 */
public final class LocalDateTimeSerializer extends TypeSerializerSingleton<LocalDateTime> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final LocalDateTimeSerializer INSTANCE = new LocalDateTimeSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public LocalDateTime createInstance() {
        return LocalDateTime.of(LocalDate.EPOCH, LocalTime.MIDNIGHT);
    }

    @Override
    public LocalDateTime copy(LocalDateTime from) {
        return from;
    }

    @Override
    public int getLength() {
        return 14;
    }

    @Override
    public void serialize(LocalDateTime record, DataOutputView target) throws IOException {
        if (record == null) {
            LocalDateSerializer.writeDate(null, target);
            LocalTimeSerializer.writeTime(null, target);
        } else {
            LocalDateSerializer.writeDate(record.toLocalDate(), target);
            LocalTimeSerializer.writeTime(record.toLocalTime(), target);
        }
    }

    @Override
    public LocalDateTime deserialize(DataInputView source) throws IOException {
        LocalDate date = LocalDateSerializer.readDate(source);
        LocalTime time = LocalTimeSerializer.readTime(source);
        return date == null ? null : LocalDateTime.of(date, time);
    }
}
