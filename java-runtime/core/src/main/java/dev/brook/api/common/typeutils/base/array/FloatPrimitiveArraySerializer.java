package dev.brook.api.common.typeutils.base.array;

import dev.brook.api.common.typeutils.base.TypeSerializerSingleton;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;

/**
 * Serializes {@code float[]}, including null: a var-int of (length + 1), 0 meaning null, then each
 * element as its 4-byte IEEE 754 bits.
 */
public final class FloatPrimitiveArraySerializer extends TypeSerializerSingleton<float[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final FloatPrimitiveArraySerializer INSTANCE =
            new FloatPrimitiveArraySerializer();

    private static final float[] EMPTY = new float[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public float[] createInstance() {
        return EMPTY;
    }

    @Override
    public float[] copy(float[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(float[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeVarInt(0);
            return;
        }
        target.writeVarInt(record.length + 1);
        for (float value : record) {
            target.writeFloat(value);
        }
    }

    @Override
    public float[] deserialize(DataInputView source) throws IOException {
        int lengthPlusOne = source.readVarInt();
        if (lengthPlusOne == 0) {
            return null;
        }
        float[] array = new float[lengthPlusOne - 1];
        for (int i = 0; i < array.length; i++) {
            array[i] = source.readFloat();
        }
        return array;
    }
}
