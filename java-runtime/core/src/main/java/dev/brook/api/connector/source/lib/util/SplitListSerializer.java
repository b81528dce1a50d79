package dev.brook.api.connector.source.lib.util;

import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Serializes a collection of splits (an enumerator checkpoint) with a split serializer. */
public final class SplitListSerializer<SplitT>
        implements SimpleVersionedSerializer<Collection<SplitT>> {

    private final SimpleVersionedSerializer<SplitT> splitSerializer;

    public SplitListSerializer(SimpleVersionedSerializer<SplitT> splitSerializer) {
        this.splitSerializer = splitSerializer;
    }

    @Override
    public int getVersion() {
        return splitSerializer.getVersion();
    }

    @Override
    public byte[] serialize(Collection<SplitT> splits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(splits.size());
        for (SplitT s : splits) {
            byte[] b = splitSerializer.serialize(s);
            out.writeInt(b.length);
            out.write(b);
        }
        return bytes.toByteArray();
    }

    @Override
    public Collection<SplitT> deserialize(int version, byte[] serialized) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
        int n = in.readInt();
        List<SplitT> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            list.add(splitSerializer.deserialize(version, b));
        }
        return list;
    }
}
