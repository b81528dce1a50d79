package dev.brook.streaming.runtime.streamrecord;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import dev.brook.runtime.checkpoint.CheckpointType;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes every kind of {@link StreamElement} with a one-byte tag followed by its payload. Records
 * are decoded into one reused {@link StreamRecord} wrapper, so reading a record allocates only the
 * value itself.
 *
 * <p>Threading model: one instance per reading or writing channel set, used by one thread.
 */
public final class StreamElementSerializer<T> {

    private static final byte TAG_RECORD = 0;
    private static final byte TAG_RECORD_WITH_TIMESTAMP = 1;
    private static final byte TAG_WATERMARK = 2;
    private static final byte TAG_STATUS_IDLE = 3;
    private static final byte TAG_STATUS_ACTIVE = 4;
    private static final byte TAG_BARRIER = 5;
    private static final byte TAG_END_OF_PARTITION = 6;

    private final TypeSerializer<T> valueSerializer;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    public StreamElementSerializer(TypeSerializer<T> valueSerializer) {
        this.valueSerializer = valueSerializer;
    }

    public TypeSerializer<T> getValueSerializer() {
        return valueSerializer;
    }

    public void serializeRecord(StreamRecord<T> record, DataOutputSerializer target)
            throws IOException {
        if (record.hasTimestamp()) {
            target.writeByte(TAG_RECORD_WITH_TIMESTAMP);
            target.writeLong(record.getTimestamp());
        } else {
            target.writeByte(TAG_RECORD);
        }
        valueSerializer.serialize(record.getValue(), target);
    }

    /** Serializes a control event (any element but a record). */
    public static void serializeEvent(StreamElement event, DataOutputSerializer target) {
        if (event instanceof Watermark w) {
            target.writeByte(TAG_WATERMARK);
            target.writeLong(w.timestamp());
        } else if (event == WatermarkStatus.IDLE) {
            target.writeByte(TAG_STATUS_IDLE);
        } else if (event == WatermarkStatus.ACTIVE) {
            target.writeByte(TAG_STATUS_ACTIVE);
        } else if (event instanceof CheckpointBarrier b) {
            target.writeByte(TAG_BARRIER);
            target.writeLong(b.checkpointId());
            target.writeLong(b.timestamp());
            target.writeByte(b.type().ordinal());
            writeOptionalString(b.location().directory(), target);
            writeOptionalString(b.location().sharedDirectory(), target);
        } else if (event == EndOfPartition.INSTANCE) {
            target.writeByte(TAG_END_OF_PARTITION);
        } else {
            throw new IllegalArgumentException("Not a control event: " + event);
        }
    }

    private static void writeOptionalString(String value, DataOutputSerializer target) {
        target.writeBoolean(value != null);
        if (value != null) {
            try {
                target.writeUTF(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads one element. A returned {@link StreamRecord} is the reused wrapper and is valid only
     * until the next call.
     */
    public StreamElement deserialize(DataInputDeserializer source) throws IOException {
        byte tag = source.readByte();
        switch (tag) {
            case TAG_RECORD:
                reuse.eraseTimestamp();
                return reuse.replace(valueSerializer.deserialize(source));
            case TAG_RECORD_WITH_TIMESTAMP:
                long ts = source.readLong();
                return reuse.replace(valueSerializer.deserialize(source), ts);
            case TAG_WATERMARK:
                return new Watermark(source.readLong());
            case TAG_STATUS_IDLE:
                return WatermarkStatus.IDLE;
            case TAG_STATUS_ACTIVE:
                return WatermarkStatus.ACTIVE;
            case TAG_BARRIER:
                long checkpointId = source.readLong();
                long timestamp = source.readLong();
                CheckpointType type = CheckpointType.values()[source.readByte()];
                String directory = source.readBoolean() ? source.readUTF() : null;
                String sharedDirectory = source.readBoolean() ? source.readUTF() : null;
                return new CheckpointBarrier(
                        checkpointId,
                        timestamp,
                        type,
                        new CheckpointStorageLocation(directory, sharedDirectory));
            case TAG_END_OF_PARTITION:
                return EndOfPartition.INSTANCE;
            default:
                throw new IOException(
                        "Corrupt stream: unknown element tag "
                                + tag
                                + ". The producer and"
                                + " consumer disagree on the record format.");
        }
    }
}
