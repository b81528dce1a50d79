package dev.brook.api.connector.source.lib.util;

import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A serializer of splits or enumerator checkpoints that writes and reads exactly one format
 * version. Bytes of any other version, or bytes left over after reading, fail with a message naming
 * what was read, so a changed format is never misread silently.
 */
public abstract class FixedVersionSerializer<E> implements SimpleVersionedSerializer<E> {

    private final int version;
    private final String what;

    /**
     * @param what the kind of value, for error messages (e.g. "NumberSequenceSplit")
     */
    protected FixedVersionSerializer(int version, String what) {
        this.version = version;
        this.what = what;
    }

    protected abstract void write(E value, DataOutputStream out) throws IOException;

    protected abstract E read(DataInputStream in) throws IOException;

    @Override
    public final int getVersion() {
        return version;
    }

    @Override
    public final byte[] serialize(E value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        write(value, out);
        out.flush();
        return bytes.toByteArray();
    }

    @Override
    public final E deserialize(int serializedVersion, byte[] serialized) throws IOException {
        if (serializedVersion != version) {
            throw new IOException(
                    "Cannot read a "
                            + what
                            + " of serializer version "
                            + serializedVersion
                            + ": this version of Brook reads version "
                            + version
                            + " only. Restore from a checkpoint or savepoint written by a"
                            + " matching version.");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
        E value = read(in);
        if (in.available() > 0) {
            throw new IOException(
                    "Cannot read a "
                            + what
                            + ": "
                            + in.available()
                            + " of its "
                            + serialized.length
                            + " bytes are left over; the data is corrupt.");
        }
        return value;
    }
}
