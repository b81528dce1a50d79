package dev.brook.api.common.typeutils.base.array;

import dev.brook.api.common.typeutils.base.TypeSerializerSingleton;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;

/**
 * Serializes {@code boolean[]}, including null: a var-int of (length + 1), 0 meaning null, then
 * each element as one byte.
 */
public final class BooleanPrimitiveArraySerializer extends TypeSerializerSingleton<boolean[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final BooleanPrimitiveArraySerializer INSTANCE =
            new BooleanPrimitiveArraySerializer();

    private static final boolean[] EMPTY = new boolean[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public boolean[] createInstance() {
        return EMPTY;
    }

    @Override
    public boolean[] copy(boolean[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(boolean[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeVarInt(0);
            return;
        }
        target.writeVarInt(record.length + 1);
        for (boolean value : record) {
            target.writeBoolean(value);
        }
    }

    @Override
    public boolean[] deserialize(DataInputView source) throws IOException {
        int lengthPlusOne = source.readVarInt();
        if (lengthPlusOne == 0) {
            return null;
        }
        boolean[] array = new boolean[lengthPlusOne - 1];
        for (int i = 0; i < array.length; i++) {
            array[i] = source.readBoolean();
        }
        return array;
    }
}
