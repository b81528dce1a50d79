package dev.brook.api.common.typeutils.base.array;

import dev.brook.api.common.typeutils.base.TypeSerializerSingleton;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;

/**
 * Serializes {@code long[]}, including null: a var-int of (length + 1), 0 meaning null, then each
 * element as 8 bytes.
 */
public final class LongPrimitiveArraySerializer extends TypeSerializerSingleton<long[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final LongPrimitiveArraySerializer INSTANCE = new LongPrimitiveArraySerializer();

    private static final long[] EMPTY = new long[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public long[] createInstance() {
        return EMPTY;
    }

    @Override
    public long[] copy(long[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(long[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeVarInt(0);
            return;
        }
        target.writeVarInt(record.length + 1);
        for (long value : record) {
            target.writeLong(value);
        }
    }

    @Override
    public long[] deserialize(DataInputView source) throws IOException {
        int lengthPlusOne = source.readVarInt();
        if (lengthPlusOne == 0) {
            return null;
        }
        long[] array = new long[lengthPlusOne - 1];
        for (int i = 0; i < array.length; i++) {
            array[i] = source.readLong();
        }
        return array;
    }
}
