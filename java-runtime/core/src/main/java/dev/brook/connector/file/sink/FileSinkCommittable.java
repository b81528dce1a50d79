package dev.brook.connector.file.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A finished part file waiting to be made visible: its hidden in-progress name and its final name.
 * Committing renames the one to the other.
 */
public record FileSinkCommittable(String bucketId, String pendingFile, String targetFile) {

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(bucketId);
        out.writeUTF(pendingFile);
        out.writeUTF(targetFile);
    }

    static FileSinkCommittable read(DataInputStream in) throws IOException {
        return new FileSinkCommittable(in.readUTF(), in.readUTF(), in.readUTF());
    }
}
