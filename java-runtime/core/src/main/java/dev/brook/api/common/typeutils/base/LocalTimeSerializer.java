package dev.brook.api.common.typeutils.base;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.time.LocalTime;

/** Serializes {@link LocalTime}s, including null, as nano of day (8 bytes); null is -1. */
public final class LocalTimeSerializer extends TypeSerializerSingleton<LocalTime> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final LocalTimeSerializer INSTANCE = new LocalTimeSerializer();

    private static final long NULL_NANOS = -1L;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public LocalTime createInstance() {
        return LocalTime.MIDNIGHT;
    }

    @Override
    public LocalTime copy(LocalTime from) {
        return from;
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(LocalTime record, DataOutputView target) throws IOException {
        writeTime(record, target);
    }

    @Override
    public LocalTime deserialize(DataInputView source) throws IOException {
        return readTime(source);
    }

    static void writeTime(LocalTime time, DataOutputView target) throws IOException {
        target.writeLong(time == null ? NULL_NANOS : time.toNanoOfDay());
    }

    static LocalTime readTime(DataInputView source) throws IOException {
        long nanos = source.readLong();
        return nanos == NULL_NANOS ? null : LocalTime.ofNanoOfDay(nanos);
    }
}
