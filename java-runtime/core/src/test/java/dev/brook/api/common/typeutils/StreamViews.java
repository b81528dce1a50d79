package dev.brook.api.common.typeutils;

import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Views over plain Java streams. Serializers have fast paths for Brook's in-memory views; these
 * views exercise the generic paths, which must produce the same bytes.
 */
public final class StreamViews {

    private StreamViews() {}

    /** A {@link DataOutputView} writing to a byte array through a {@link DataOutputStream}. */
    public static final class Output extends DataOutputStream implements DataOutputView {

        public Output() {
            super(new ByteArrayOutputStream());
        }

        public byte[] toByteArray() {
            return ((ByteArrayOutputStream) out).toByteArray();
        }

        @Override
        public void write(DataInputView source, int numBytes) throws IOException {
            byte[] bytes = new byte[numBytes];
            source.readFully(bytes);
            write(bytes);
        }
    }

    /** A {@link DataInputView} reading a byte array through a {@link DataInputStream}. */
    public static final class Input extends DataInputStream implements DataInputView {

        public Input(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public void skipBytesToRead(int numBytes) throws IOException {
            if (skipBytes(numBytes) != numBytes) {
                throw new EOFException();
            }
        }
    }
}
