package dev.brook.core.memory;

import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * A growable in-memory {@link DataOutputView}. Reused across records on per-record paths: callers
 * {@link #clear()} it instead of allocating a new one.
 *
 * <p>Threading model: not thread-safe; owned by one task thread.
 */
public final class DataOutputSerializer implements DataOutputView {

    private byte[] buffer;
    private int position;

    public DataOutputSerializer(int initialSize) {
        this.buffer = new byte[Math.max(16, initialSize)];
    }

    public byte[] getSharedBuffer() {
        return buffer;
    }

    public int length() {
        return position;
    }

    public void clear() {
        position = 0;
    }

    /** Overwrites the four bytes at {@code offset} (already written) with {@code value}. */
    public void setIntAt(int offset, int value) {
        putInt(buffer, offset, value);
    }

    // Plain shifts rather than byte-array view VarHandles: the JIT compiles these to single
    // stores reliably, while the view handles showed up as un-inlined bounds checks in profiles.
    private static void putInt(byte[] b, int pos, int v) {
        b[pos] = (byte) (v >>> 24);
        b[pos + 1] = (byte) (v >>> 16);
        b[pos + 2] = (byte) (v >>> 8);
        b[pos + 3] = (byte) v;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    private void ensure(int extra) {
        if (position + extra > buffer.length) {
            int newSize = Math.max(buffer.length * 2, position + extra);
            buffer = Arrays.copyOf(buffer, newSize);
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        ensure(numBytes);
        source.readFully(buffer, position, numBytes);
        position += numBytes;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        buffer[position] = (byte) (v >>> 8);
        buffer[position + 1] = (byte) v;
        position += 2;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        putInt(buffer, position, v);
        position += 4;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        putInt(buffer, position, (int) (v >>> 32));
        putInt(buffer, position + 4, (int) v);
        position += 8;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeVarInt(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    @Override
    public void writeBytes(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            buffer[position++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        int len = s.length();
        ensure(len * 2);
        for (int i = 0; i < len; i++) {
            writeChar(s.charAt(i));
        }
    }

    @Override
    public void writeUTF(String s) throws IOException {
        int utfLength = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            utfLength += (c >= 0x0001 && c <= 0x007F) ? 1 : (c > 0x07FF ? 3 : 2);
        }
        if (utfLength > 65535) {
            throw new UTFDataFormatException("Encoded string is too long: " + utfLength);
        }
        writeShort(utfLength);
        ensure(utfLength);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                buffer[position++] = (byte) c;
            } else if (c > 0x07FF) {
                buffer[position++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buffer[position++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /**
     * Writes a string of any length: a var-int of (length + 1), 0 meaning null, then each char as
     * one byte when below 0x80 and as a var-int otherwise. ASCII text costs one byte a char.
     */
    public void writeStringCompact(String s) {
        if (s == null) {
            writeVarInt(0);
            return;
        }
        int len = s.length();
        writeVarInt(len + 1);
        ensure(len * 3);
        byte[] buf = buffer;
        int pos = position;
        for (int i = 0; i < len; i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else {
                while (c >= 0x80) {
                    buf[pos++] = (byte) (c | 0x80);
                    c >>>= 7;
                }
                buf[pos++] = (byte) c;
            }
        }
        position = pos;
    }
}
