package dev.brook.connector.file.src;

import dev.brook.api.connector.source.lib.util.FixedVersionSerializer;
import dev.brook.api.connector.source.lib.util.SplitListSerializer;
import dev.brook.core.fs.Path;
import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes a {@link PendingSplitsCheckpoint}: the split serializer's version, the splits, then
 * the processed paths. Version 2: version 1 was a bare list of splits.
 */
public final class PendingSplitsCheckpointSerializer<T extends FileSourceSplit>
        extends FixedVersionSerializer<PendingSplitsCheckpoint<T>> {

    private final SimpleVersionedSerializer<T> splitSerializer;

    public PendingSplitsCheckpointSerializer(SimpleVersionedSerializer<T> splitSerializer) {
        super(2, "FileSource enumerator checkpoint");
        this.splitSerializer = splitSerializer;
    }

    @Override
    protected void write(PendingSplitsCheckpoint<T> checkpoint, DataOutputStream out)
            throws IOException {
        out.writeInt(splitSerializer.getVersion());
        SplitListSerializer.writeSplits(splitSerializer, checkpoint.getSplits(), out);
        out.writeInt(checkpoint.getAlreadyProcessedPaths().size());
        for (Path path : checkpoint.getAlreadyProcessedPaths()) {
            out.writeUTF(path.toString());
        }
    }

    @Override
    protected PendingSplitsCheckpoint<T> read(DataInputStream in) throws IOException {
        int splitVersion = in.readInt();
        List<T> splits = SplitListSerializer.readSplits(splitSerializer, splitVersion, in);
        int pathCount = in.readInt();
        List<Path> paths = new ArrayList<>(pathCount);
        for (int i = 0; i < pathCount; i++) {
            paths.add(new Path(in.readUTF()));
        }
        return PendingSplitsCheckpoint.fromCollectionSnapshot(splits, paths);
    }
}
