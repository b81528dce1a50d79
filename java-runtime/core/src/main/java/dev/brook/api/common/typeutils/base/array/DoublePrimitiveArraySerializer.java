package dev.brook.api.common.typeutils.base.array;

import dev.brook.api.common.typeutils.base.TypeSerializerSingleton;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;

/**
 * Serializes {@code double[]}, including null: a var-int of (length + 1), 0 meaning null, then each
 * element as its 8-byte IEEE 754 bits.
 */
public final class DoublePrimitiveArraySerializer extends TypeSerializerSingleton<double[]> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final DoublePrimitiveArraySerializer INSTANCE =
            new DoublePrimitiveArraySerializer();

    private static final double[] EMPTY = new double[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public double[] createInstance() {
        return EMPTY;
    }

    @Override
    public double[] copy(double[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(double[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeVarInt(0);
            return;
        }
        target.writeVarInt(record.length + 1);
        for (double value : record) {
            target.writeDouble(value);
        }
    }

    @Override
    public double[] deserialize(DataInputView source) throws IOException {
        int lengthPlusOne = source.readVarInt();
        if (lengthPlusOne == 0) {
            return null;
        }
        double[] array = new double[lengthPlusOne - 1];
        for (int i = 0; i < array.length; i++) {
            array[i] = source.readDouble();
        }
        return array;
    }
}
