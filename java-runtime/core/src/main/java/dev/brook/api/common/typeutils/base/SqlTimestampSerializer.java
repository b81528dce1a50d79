package dev.brook.api.common.typeutils.base;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.sql.Timestamp;

/**
 * Serializes {@link Timestamp}s, including null, as epoch milliseconds (8 bytes) and the nanos of
 * the second (4 bytes). Null is written as milliseconds {@code Long.MIN_VALUE}.
 */
public final class SqlTimestampSerializer extends TypeSerializerSingleton<Timestamp> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final SqlTimestampSerializer INSTANCE = new SqlTimestampSerializer();

    private static final long NULL_MILLIS = Long.MIN_VALUE;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public Timestamp createInstance() {
        return new Timestamp(0L);
    }

    @Override
    public Timestamp copy(Timestamp from) {
        if (from == null) {
            return null;
        }
        Timestamp copy = new Timestamp(from.getTime());
        copy.setNanos(from.getNanos());
        return copy;
    }

    @Override
    public int getLength() {
        return 12;
    }

    @Override
    public void serialize(Timestamp record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeLong(NULL_MILLIS);
            target.writeInt(0);
        } else {
            target.writeLong(record.getTime());
            target.writeInt(record.getNanos());
        }
    }

    @Override
    public Timestamp deserialize(DataInputView source) throws IOException {
        long millis = source.readLong();
        int nanos = source.readInt();
        if (millis == NULL_MILLIS) {
            return null;
        }
        Timestamp timestamp = new Timestamp(millis);
        timestamp.setNanos(nanos);
        return timestamp;
    }
}
