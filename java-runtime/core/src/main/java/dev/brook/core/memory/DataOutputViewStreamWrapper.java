package dev.brook.core.memory;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A {@link DataOutputView} writing to an {@link OutputStream}, so that state can be serialized
 * straight into a file instead of into an array first.
 */
public class DataOutputViewStreamWrapper extends DataOutputStream implements DataOutputView {

    private byte[] copyBuffer;

    public DataOutputViewStreamWrapper(OutputStream out) {
        super(out);
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        if (copyBuffer == null || copyBuffer.length < Math.min(numBytes, 4096)) {
            copyBuffer = new byte[Math.max(Math.min(numBytes, 4096), 64)];
        }
        for (int left = numBytes; left > 0; ) {
            int n = Math.min(left, copyBuffer.length);
            source.readFully(copyBuffer, 0, n);
            write(copyBuffer, 0, n);
            left -= n;
        }
    }
}
