package dev.brook.api.common.typeutils.base;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;

/**
 * Serializes {@link java.util.Date}s, including null, as epoch milliseconds (8 bytes). Null is
 * written as {@code Long.MIN_VALUE}, so a date of exactly that instant cannot be told from null; it
 * lies 292 million years before the epoch.
 */
public final class DateSerializer extends TypeSerializerSingleton<java.util.Date> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final DateSerializer INSTANCE = new DateSerializer();

    private static final long NULL_MILLIS = Long.MIN_VALUE;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public java.util.Date createInstance() {
        return new java.util.Date(0L);
    }

    @Override
    public java.util.Date copy(java.util.Date from) {
        return from == null ? null : new java.util.Date(from.getTime());
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(java.util.Date record, DataOutputView target) throws IOException {
        target.writeLong(record == null ? NULL_MILLIS : record.getTime());
    }

    @Override
    public java.util.Date deserialize(DataInputView source) throws IOException {
        long millis = source.readLong();
        return millis == NULL_MILLIS ? null : new java.util.Date(millis);
    }
}
