package dev.brook.api.common.typeutils.base;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Serializes {@link LocalDate}s, including null, as year (4 bytes), month and day (a byte each).
 * Null is written as year {@code Integer.MIN_VALUE}, outside the range of {@code LocalDate}.
 */
public final class LocalDateSerializer extends TypeSerializerSingleton<LocalDate> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final LocalDateSerializer INSTANCE = new LocalDateSerializer();

    private static final int NULL_YEAR = Integer.MIN_VALUE;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public LocalDate createInstance() {
        return LocalDate.EPOCH;
    }

    @Override
    public LocalDate copy(LocalDate from) {
        return from;
    }

    @Override
    public int getLength() {
        return 6;
    }

    @Override
    public void serialize(LocalDate record, DataOutputView target) throws IOException {
        writeDate(record, target);
    }

    @Override
    public LocalDate deserialize(DataInputView source) throws IOException {
        return readDate(source);
    }

    static void writeDate(LocalDate date, DataOutputView target) throws IOException {
        if (date == null) {
            target.writeInt(NULL_YEAR);
            target.writeShort(0);
        } else {
            target.writeInt(date.getYear());
            target.writeByte(date.getMonthValue());
            target.writeByte(date.getDayOfMonth());
        }
    }

    static LocalDate readDate(DataInputView source) throws IOException {
        int year = source.readInt();
        int month = source.readByte();
        int day = source.readByte();
        return year == NULL_YEAR ? null : LocalDate.of(year, month, day);
    }
}
