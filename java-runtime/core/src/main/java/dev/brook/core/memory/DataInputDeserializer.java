package dev.brook.core.memory;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link DataInputView} over a range of a byte array. Re-pointed at new bytes with {@link
 * #setBuffer} rather than re-allocated, so per-record reading allocates nothing.
 *
 * <p>Threading model: not thread-safe; owned by one task thread.
 */
public final class DataInputDeserializer implements DataInputView {

    private byte[] buffer;
    private int position;
    private int end;
    private char[] charBuffer = new char[64];

    public DataInputDeserializer() {
        this(new byte[0], 0, 0);
    }

    public DataInputDeserializer(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    public DataInputDeserializer(byte[] buffer, int start, int end) {
        setBuffer(buffer, start, end);
    }

    public void setBuffer(byte[] buffer, int start, int end) {
        this.buffer = buffer;
        this.position = start;
        this.end = end;
    }

    public int available() {
        return end - position;
    }

    public int getPosition() {
        return position;
    }

    private void require(int n) throws EOFException {
        if (position + n > end) {
            throw new EOFException(
                    "Record ended early: needed "
                            + n
                            + " more bytes, "
                            + (end - position)
                            + " left");
        }
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        require(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.min(n, end - position);
        position += skipped;
        return skipped;
    }

    @Override
    public void skipBytesToRead(int numBytes) throws IOException {
        require(numBytes);
        position += numBytes;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        require(1);
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        require(2);
        short v = (short) ((buffer[position] << 8) | (buffer[position + 1] & 0xFF));
        position += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        require(4);
        int v = getInt(buffer, position);
        position += 4;
        return v;
    }

    @Override
    public long readLong() throws IOException {
        require(8);
        long v =
                ((long) getInt(buffer, position) << 32)
                        | (getInt(buffer, position + 4) & 0xFFFFFFFFL);
        position += 8;
        return v;
    }

    private static int getInt(byte[] b, int pos) {
        return (b[pos] << 24)
                | ((b[pos + 1] & 0xFF) << 16)
                | ((b[pos + 2] & 0xFF) << 8)
                | (b[pos + 3] & 0xFF);
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public int readVarInt() throws IOException {
        int result = 0;
        int shift = 0;
        int b;
        do {
            require(1);
            b = buffer[position++];
            result |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    @Override
    public String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (position < end) {
            char c = (char) (buffer[position++] & 0xFF);
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String readUTF() throws IOException {
        int len = readUnsignedShort();
        require(len);
        String s = new String(buffer, position, len, StandardCharsets.UTF_8);
        position += len;
        return s;
    }

    /** Reads a string written by {@link DataOutputSerializer#writeStringCompact}. */
    public String readStringCompact() throws IOException {
        int lenPlusOne = readVarInt();
        if (lenPlusOne == 0) {
            return null;
        }
        int len = lenPlusOne - 1;
        char[] chars = charBuffer;
        if (chars.length < len) {
            chars = charBuffer = new char[Math.max(len, chars.length * 2)];
        }
        byte[] buf = buffer;
        int pos = position;
        int limit = end;
        for (int i = 0; i < len; i++) {
            if (pos >= limit) {
                throw new EOFException("String ended early after " + i + " of " + len + " chars");
            }
            int c = buf[pos++];
            if (c >= 0) {
                chars[i] = (char) c;
            } else {
                int result = c & 0x7F;
                int shift = 7;
                do {
                    if (pos >= limit) {
                        throw new EOFException("String ended early in a multi-byte char");
                    }
                    c = buf[pos++];
                    result |= (c & 0x7F) << shift;
                    shift += 7;
                } while (c < 0);
                chars[i] = (char) result;
            }
        }
        position = pos;
        return new String(chars, 0, len);
    }
}
