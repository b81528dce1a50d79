package dev.brook.api.common.typeutils.base;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;

/**
 * Serializes {@link java.sql.Time}s, including null, as epoch milliseconds (8 bytes). Null is
 * written as {@code Long.MIN_VALUE}, so a time of exactly that instant cannot be told from null; it
 * lies 292 million years before the epoch.
 */
public final class SqlTimeSerializer extends TypeSerializerSingleton<java.sql.Time> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final SqlTimeSerializer INSTANCE = new SqlTimeSerializer();

    private static final long NULL_MILLIS = Long.MIN_VALUE;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public java.sql.Time createInstance() {
        return new java.sql.Time(0L);
    }

    @Override
    public java.sql.Time copy(java.sql.Time from) {
        return from == null ? null : new java.sql.Time(from.getTime());
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(java.sql.Time record, DataOutputView target) throws IOException {
        target.writeLong(record == null ? NULL_MILLIS : record.getTime());
    }

    @Override
    public java.sql.Time deserialize(DataInputView source) throws IOException {
        long millis = source.readLong();
        return millis == NULL_MILLIS ? null : new java.sql.Time(millis);
    }
}
