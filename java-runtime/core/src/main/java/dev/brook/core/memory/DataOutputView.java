package dev.brook.core.memory;

import java.io.DataOutput;
import java.io.IOException;

/**
 * The target that {@link dev.brook.api.common.typeutils.TypeSerializer}s write records to. Besides
 * {@link DataOutput} it offers variable-length integers and bulk copies from another input.
 */
public interface DataOutputView extends DataOutput {

    /** Writes an unsigned variable-length int (7 bits a byte, low bits first). */
    default void writeVarInt(int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        writeByte(value);
    }

    /** Copies {@code numBytes} bytes from {@code source} into this view. */
    void write(DataInputView source, int numBytes) throws IOException;
}
