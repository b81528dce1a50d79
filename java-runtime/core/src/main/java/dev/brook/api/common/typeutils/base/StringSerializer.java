package dev.brook.api.common.typeutils.base;

import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;

/**
 * Serializes strings, including null, in the compact form of {@link
 * DataOutputSerializer#writeStringCompact}: a var-int of (length + 1), 0 meaning null, then each
 * UTF-16 char as one byte when below 0x80 and otherwise as 7-bit groups, low bits first, with the
 * high bit set on all but the last. ASCII text costs one byte a char.
 *
 * <p>The in-memory views used on the per-record path get a bulk fast path; any other view gets an
 * equivalent byte-by-byte path, so the bytes are the same whatever the view.
 */
public final class StringSerializer extends TypeSerializerSingleton<String> {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final StringSerializer INSTANCE = new StringSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public String createInstance() {
        return "";
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String record, DataOutputView target) throws IOException {
        writeString(record, target);
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return readString(source);
    }

    /** Writes {@code s} (may be null) in the compact string form. */
    public static void writeString(String s, DataOutputView target) throws IOException {
        if (target instanceof DataOutputSerializer) {
            ((DataOutputSerializer) target).writeStringCompact(s);
            return;
        }
        if (s == null) {
            target.writeVarInt(0);
            return;
        }
        int len = s.length();
        target.writeVarInt(len + 1);
        for (int i = 0; i < len; i++) {
            int c = s.charAt(i);
            while (c >= 0x80) {
                target.writeByte(c | 0x80);
                c >>>= 7;
            }
            target.writeByte(c);
        }
    }

    /** Reads a string (possibly null) written by {@link #writeString}. */
    public static String readString(DataInputView source) throws IOException {
        if (source instanceof DataInputDeserializer) {
            return ((DataInputDeserializer) source).readStringCompact();
        }
        int lenPlusOne = source.readVarInt();
        if (lenPlusOne == 0) {
            return null;
        }
        char[] chars = new char[lenPlusOne - 1];
        for (int i = 0; i < chars.length; i++) {
            int b = source.readUnsignedByte();
            int c = b & 0x7F;
            int shift = 7;
            while (b >= 0x80) {
                b = source.readUnsignedByte();
                c |= (b & 0x7F) << shift;
                shift += 7;
            }
            chars[i] = (char) c;
        }
        return new String(chars);
    }
}
