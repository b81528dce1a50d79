package dev.brook.api.common.typeutils.base;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.time.Instant;

/**
 * Serializes {@link Instant}s, including null, as epoch seconds (8 bytes) and nanos (4 bytes). Null
 * is written as seconds {@code Long.MIN_VALUE}, which lies outside the range of {@code Instant}.
 */
public final class InstantSerializer extends TypeSerializerSingleton<Instant> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final InstantSerializer INSTANCE = new InstantSerializer();

    private static final long NULL_SECONDS = Long.MIN_VALUE;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Instant createInstance() {
        return Instant.EPOCH;
    }

    @Override
    public Instant copy(Instant from) {
        return from;
    }

    @Override
    public int getLength() {
        return 12;
    }

    @Override
    public void serialize(Instant record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeLong(NULL_SECONDS);
            target.writeInt(0);
        } else {
            target.writeLong(record.getEpochSecond());
            target.writeInt(record.getNano());
        }
    }

    @Override
    public Instant deserialize(DataInputView source) throws IOException {
        long seconds = source.readLong();
        int nanos = source.readInt();
        return seconds == NULL_SECONDS ? null : Instant.ofEpochSecond(seconds, nanos);
    }
}
