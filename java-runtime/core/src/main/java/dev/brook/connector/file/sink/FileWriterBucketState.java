package dev.brook.connector.file.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A part file being written when a checkpoint was taken: after a restore the writer cuts the file
 * back to {@code validLength} (what the checkpoint covers) and goes on writing it.
 */
public record FileWriterBucketState(
        String bucketId,
        String inProgressFile,
        String targetFile,
        long validLength,
        long creationTime) {

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(bucketId);
        out.writeUTF(inProgressFile);
        out.writeUTF(targetFile);
        out.writeLong(validLength);
        out.writeLong(creationTime);
    }

    static FileWriterBucketState read(DataInputStream in) throws IOException {
        return new FileWriterBucketState(
                in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readLong());
    }
}
