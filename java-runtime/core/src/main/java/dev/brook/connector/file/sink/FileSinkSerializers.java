package dev.brook.connector.file.sink;

import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The versioned serializers of the file sink's committables and writer state. */
final class FileSinkSerializers {

    private FileSinkSerializers() {}

    /** Writes and reads one record type at version 1. */
    abstract static class Versioned<T> implements SimpleVersionedSerializer<T> {
        private final String what;

        Versioned(String what) {
            this.what = what;
        }

        abstract void write(T value, DataOutputStream out) throws IOException;

        abstract T read(DataInputStream in) throws IOException;

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(T value) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(value, out);
            }
            return bytes.toByteArray();
        }

        @Override
        public T deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException(
                        "Unknown version "
                                + version
                                + " of the file sink's "
                                + what
                                + " (knows 1)");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return read(in);
            }
        }
    }

    static final class CommittableSerializer extends Versioned<FileSinkCommittable> {
        CommittableSerializer() {
            super("committable");
        }

        @Override
        void write(FileSinkCommittable value, DataOutputStream out) throws IOException {
            value.write(out);
        }

        @Override
        FileSinkCommittable read(DataInputStream in) throws IOException {
            return FileSinkCommittable.read(in);
        }
    }

    static final class BucketStateSerializer extends Versioned<FileWriterBucketState> {
        BucketStateSerializer() {
            super("writer state");
        }

        @Override
        void write(FileWriterBucketState value, DataOutputStream out) throws IOException {
            value.write(out);
        }

        @Override
        FileWriterBucketState read(DataInputStream in) throws IOException {
            return FileWriterBucketState.read(in);
        }
    }
}
