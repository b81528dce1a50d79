package dev.brook.api.common.typeutils.base;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Serializes {@link BigInteger}s, including null. A var-int header says what follows: 0 means null,
 * 1 a value that fits in a long (8 bytes; most values in practice, and written without allocating),
 * and n &ge; 2 the (n - 2) bytes of the two's-complement form.
 */
public final class BigIntSerializer extends TypeSerializerSingleton<BigInteger> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final BigIntSerializer INSTANCE = new BigIntSerializer();

    private static final int NULL = 0;
    private static final int LONG = 1;
    private static final int BYTES_OFFSET = 2;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public BigInteger createInstance() {
        return BigInteger.ZERO;
    }

    @Override
    public BigInteger copy(BigInteger from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BigInteger record, DataOutputView target) throws IOException {
        writeBigInteger(record, target);
    }

    @Override
    public BigInteger deserialize(DataInputView source) throws IOException {
        return readBigInteger(source);
    }

    /** Writes {@code value} (may be null) in this serializer's form. */
    public static void writeBigInteger(BigInteger value, DataOutputView target) throws IOException {
        if (value == null) {
            target.writeVarInt(NULL);
        } else if (value.bitLength() < Long.SIZE) {
            target.writeVarInt(LONG);
            target.writeLong(value.longValue());
        } else {
            byte[] bytes = value.toByteArray();
            target.writeVarInt(bytes.length + BYTES_OFFSET);
            target.write(bytes);
        }
    }

    /** Reads a value (possibly null) written by {@link #writeBigInteger}. */
    public static BigInteger readBigInteger(DataInputView source) throws IOException {
        int header = source.readVarInt();
        if (header == NULL) {
            return null;
        }
        if (header == LONG) {
            return BigInteger.valueOf(source.readLong());
        }
        byte[] bytes = new byte[header - BYTES_OFFSET];
        source.readFully(bytes);
        return new BigInteger(bytes);
    }
}
