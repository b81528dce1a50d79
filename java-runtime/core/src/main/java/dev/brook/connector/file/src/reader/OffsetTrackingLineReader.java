package dev.brook.connector.file.src.reader;

import dev.brook.connector.file.src.util.CheckpointedPosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} (ended by {@code \n}, {@code \r} or
 * {@code \r\n}), but finds the line ends in the bytes and decodes each line on its own, so it
 * always knows the byte offset where the next line starts: a checkpoint holds that offset, and a
 * restore seeks to it instead of reading the file again.
 *
 * <p>Only for charsets in which the bytes of {@code \n} and {@code \r} never occur inside another
 * character ({@link #canFindLineEndsInBytes}): UTF-8, ASCII and the single-byte ISO-8859 and
 * Windows code pages. An offset is always the first byte of a line, never inside a character.
 */
final class OffsetTrackingLineReader implements StreamFormat.Reader<String> {

    private static final int BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    private final Charset charset;
    private byte[] buffer;

    /** The file offset of {@code buffer[0]}. */
    private long bufferOffset;

    /** The first byte of the next line. */
    private int pos;

    /** The end of the bytes read into the buffer. */
    private int limit;

    private boolean endOfStream;

    /**
     * @param startOffset the file offset where {@code in} is positioned, at the start of a line
     */
    OffsetTrackingLineReader(InputStream in, Charset charset, long startOffset) {
        this(in, charset, startOffset, BUFFER_SIZE);
    }

    /** With a given initial buffer size, so tests can put line ends at the buffer's edges. */
    OffsetTrackingLineReader(InputStream in, Charset charset, long startOffset, int bufferSize) {
        this.in = in;
        this.charset = charset;
        this.bufferOffset = startOffset;
        this.buffer = new byte[bufferSize];
    }

    /**
     * Whether line ends can be found in this charset's bytes: true for UTF-8, whose multi-byte
     * characters consist of bytes above 0x7F, and for single-byte charsets in which exactly the
     * bytes 0x0A and 0x0D decode to {@code \n} and {@code \r}.
     */
    static boolean canFindLineEndsInBytes(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return true;
        }
        if (!charset.canEncode() || charset.newEncoder().maxBytesPerChar() != 1) {
            return false;
        }
        byte[] everyByte = new byte[256];
        for (int b = 0; b < 256; b++) {
            everyByte[b] = (byte) b;
        }
        String decoded = new String(everyByte, charset);
        return decoded.length() == 256
                && decoded.indexOf('\n') == '\n'
                && decoded.lastIndexOf('\n') == '\n'
                && decoded.indexOf('\r') == '\r'
                && decoded.lastIndexOf('\r') == '\r';
    }

    @Override
    public String read() throws IOException {
        int scan = pos;
        while (true) {
            for (; scan < limit; scan++) {
                byte b = buffer[scan];
                if (b == '\n' || b == '\r') {
                    if (b == '\r' && scan + 1 == limit && !endOfStream) {
                        // Whether a \n follows decides where the next line starts.
                        scan -= fill();
                    }
                    String line = new String(buffer, pos, scan - pos, charset);
                    int next = scan + 1;
                    if (b == '\r' && next < limit && buffer[next] == '\n') {
                        next++;
                    }
                    pos = next;
                    return line;
                }
            }
            if (endOfStream) {
                if (pos == limit) {
                    return null;
                }
                String line = new String(buffer, pos, limit - pos, charset);
                pos = limit;
                return line;
            }
            scan -= fill();
        }
    }

    /**
     * Moves the current line to the start of the buffer (growing it if the line fills it) and reads
     * more bytes after it; returns by how much the line moved.
     */
    private int fill() throws IOException {
        int moved = pos;
        if (moved > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            bufferOffset += pos;
            limit -= pos;
            pos = 0;
        } else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfStream = true;
        } else {
            limit += n;
        }
        return moved;
    }

    @Override
    public CheckpointedPosition getCheckpointedPosition() {
        return new CheckpointedPosition(bufferOffset + pos, 0);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
