package dev.brook.connector.file.src;

import dev.brook.api.connector.source.lib.util.FixedVersionSerializer;
import dev.brook.connector.file.src.util.CheckpointedPosition;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Serializes a {@link FileSourceSplit} with its reader position. Version 2: version 1 held a record
 * count instead of a {@link CheckpointedPosition}.
 */
public final class FileSourceSplitSerializer extends FixedVersionSerializer<FileSourceSplit> {

    public static final FileSourceSplitSerializer INSTANCE = new FileSourceSplitSerializer();

    private FileSourceSplitSerializer() {
        super(2, "FileSourceSplit");
    }

    @Override
    protected void write(FileSourceSplit split, DataOutputStream out) throws IOException {
        out.writeUTF(split.splitId());
        out.writeUTF(split.path());
        CheckpointedPosition position = split.getReaderPosition().orElse(null);
        out.writeBoolean(position != null);
        if (position != null) {
            out.writeLong(position.getOffset());
            out.writeLong(position.getRecordsAfterOffset());
        }
    }

    @Override
    protected FileSourceSplit read(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String path = in.readUTF();
        CheckpointedPosition position =
                in.readBoolean() ? new CheckpointedPosition(in.readLong(), in.readLong()) : null;
        return new FileSourceSplit(id, path, position);
    }
}
