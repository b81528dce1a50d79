package dev.brook.api.connector.source.lib.util;

import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Serializes a collection of splits (an enumerator checkpoint) with a split serializer, in that
 * serializer's version.
 */
public final class SplitListSerializer<SplitT> extends FixedVersionSerializer<Collection<SplitT>> {

    private final SimpleVersionedSerializer<SplitT> splitSerializer;

    public SplitListSerializer(SimpleVersionedSerializer<SplitT> splitSerializer) {
        super(splitSerializer.getVersion(), "list of splits");
        this.splitSerializer = splitSerializer;
    }

    @Override
    protected void write(Collection<SplitT> splits, DataOutputStream out) throws IOException {
        writeSplits(splitSerializer, splits, out);
    }

    @Override
    protected Collection<SplitT> read(DataInputStream in) throws IOException {
        return readSplits(splitSerializer, getVersion(), in);
    }

    /** Writes the number of splits, then each as its length and bytes. */
    public static <S> void writeSplits(
            SimpleVersionedSerializer<S> splitSerializer,
            Collection<S> splits,
            DataOutputStream out)
            throws IOException {
        out.writeInt(splits.size());
        for (S split : splits) {
            byte[] bytes = splitSerializer.serialize(split);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** Reads what {@link #writeSplits} wrote with split serializer version {@code version}. */
    public static <S> List<S> readSplits(
            SimpleVersionedSerializer<S> splitSerializer, int version, DataInputStream in)
            throws IOException {
        int n = in.readInt();
        List<S> splits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            splits.add(splitSerializer.deserialize(version, bytes));
        }
        return splits;
    }
}
