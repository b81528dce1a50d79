package dev.brook.api.common.typeutils.base.array;

import dev.brook.api.common.typeutils.base.TypeSerializerSingleton;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;

/**
 * Serializes {@code short[]}, including null: a var-int of (length + 1), 0 meaning null, then each
 * element as 2 bytes.
 */
public final class ShortPrimitiveArraySerializer extends TypeSerializerSingleton<short[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final ShortPrimitiveArraySerializer INSTANCE =
            new ShortPrimitiveArraySerializer();

    private static final short[] EMPTY = new short[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public short[] createInstance() {
        return EMPTY;
    }

    @Override
    public short[] copy(short[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(short[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeVarInt(0);
            return;
        }
        target.writeVarInt(record.length + 1);
        for (short value : record) {
            target.writeShort(value);
        }
    }

    @Override
    public short[] deserialize(DataInputView source) throws IOException {
        int lengthPlusOne = source.readVarInt();
        if (lengthPlusOne == 0) {
            return null;
        }
        short[] array = new short[lengthPlusOne - 1];
        for (int i = 0; i < array.length; i++) {
            array[i] = source.readShort();
        }
        return array;
    }
}
