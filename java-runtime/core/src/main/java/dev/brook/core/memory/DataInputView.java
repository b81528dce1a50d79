package dev.brook.core.memory;

import java.io.DataInput;
import java.io.IOException;

/** The source that {@link dev.brook.api.common.typeutils.TypeSerializer}s read records from. */
public interface DataInputView extends DataInput {

    /** Reads an unsigned variable-length int written by {@link DataOutputView#writeVarInt}. */
    default int readVarInt() throws IOException {
        int result = 0;
        int shift = 0;
        int b;
        do {
            b = readUnsignedByte();
            result |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    /** Skips exactly {@code numBytes} bytes or throws {@link java.io.EOFException}. */
    void skipBytesToRead(int numBytes) throws IOException;
}
