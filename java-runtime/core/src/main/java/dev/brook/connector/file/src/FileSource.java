package dev.brook.connector.file.src;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.connector.source.ReaderOutput;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.api.connector.source.lib.util.SplitListSerializer;
import dev.brook.api.connector.source.lib.util.SplitQueueReader;
import dev.brook.api.java.typeutils.ResultTypeQueryable;
import dev.brook.connector.file.src.reader.StreamFormat;
import dev.brook.core.fs.Path;
import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads files and directories (recursively; hidden files starting with {@code .} or {@code _} are
 * skipped). Each file is one split. Bounded by default; with {@link
 * Builder#monitorContinuously(Duration)} the paths are re-scanned periodically and new files are
 * read as they appear. Files ending in {@code .gz} are decompressed.
 */
public final class FileSource<T>
        implements Source<T, FileSourceSplit, Collection<FileSourceSplit>>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final Path[] paths;
    private final StreamFormat<T> format;
    private final Duration discoveryInterval;

    private FileSource(Path[] paths, StreamFormat<T> format, Duration discoveryInterval) {
        this.paths = paths;
        this.format = format;
        this.discoveryInterval = discoveryInterval;
    }

    public static <T> Builder<T> forRecordStreamFormat(StreamFormat<T> format, Path... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("A FileSource needs at least one path");
        }
        return new Builder<>(format, paths);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return format.getProducedType();
    }

    @Override
    public Boundedness getBoundedness() {
        return discoveryInterval == null ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<FileSourceSplit, Collection<FileSourceSplit>> createEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context) {
        return new FileSplitEnumerator(context, List.of(paths), discoveryInterval, List.of());
    }

    @Override
    public SplitEnumerator<FileSourceSplit, Collection<FileSourceSplit>> restoreEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context,
            Collection<FileSourceSplit> checkpoint) {
        return new FileSplitEnumerator(context, List.of(paths), discoveryInterval, checkpoint);
    }

    @Override
    public SourceReader<T, FileSourceSplit> createReader(SourceReaderContext context) {
        return new SplitQueueReader<>(context) {
            private StreamFormat.Reader<T> reader;

            @Override
            protected void openSplit(FileSourceSplit split) throws IOException {
                java.nio.file.Path file = java.nio.file.Path.of(split.path());
                InputStream in;
                try {
                    in = Files.newInputStream(file);
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new IOException(
                            "Input file '" + split.path() + "' disappeared before it was read", e);
                }
                if (split.path().endsWith(".gz")) {
                    in = new GZIPInputStream(in, 1 << 16);
                }
                reader = format.createReader(in);
                for (long i = 0; i < split.recordsRead(); i++) {
                    if (reader.read() == null) {
                        break;
                    }
                }
            }

            @Override
            protected boolean emitFrom(FileSourceSplit split, ReaderOutput<T> output)
                    throws IOException {
                for (int i = 0; i < BATCH; i++) {
                    T record = reader.read();
                    if (record == null) {
                        return false;
                    }
                    split.advance();
                    output.collect(record);
                }
                return true;
            }

            @Override
            protected void closeSplit(FileSourceSplit split) throws IOException {
                if (reader != null) {
                    reader.close();
                    reader = null;
                }
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<FileSourceSplit>>
            getEnumeratorCheckpointSerializer() {
        return new SplitListSerializer<>(new SplitSerializer());
    }

    @Override
    public String toString() {
        return "FileSource" + Arrays.toString(paths);
    }

    /** Configures a {@link FileSource}. */
    public static final class Builder<T> {
        private final StreamFormat<T> format;
        private final Path[] paths;
        private Duration discoveryInterval;

        private Builder(StreamFormat<T> format, Path[] paths) {
            this.format = format;
            this.paths = paths.clone();
        }

        /** Keeps watching the paths and reads new files as they appear. */
        public Builder<T> monitorContinuously(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("Discovery interval must be positive");
            }
            this.discoveryInterval = interval;
            return this;
        }

        /** Reads the files present when the job starts, then ends (the default). */
        public Builder<T> processStaticFileSet() {
            this.discoveryInterval = null;
            return this;
        }

        public FileSource<T> build() {
            return new FileSource<>(paths, format, discoveryInterval);
        }
    }

    private static final class SplitSerializer
            implements SimpleVersionedSerializer<FileSourceSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(FileSourceSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(split.splitId());
            out.writeUTF(split.path());
            out.writeLong(split.recordsRead());
            return bytes.toByteArray();
        }

        @Override
        public FileSourceSplit deserialize(int version, byte[] serialized) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
            return new FileSourceSplit(in.readUTF(), in.readUTF(), in.readLong());
        }
    }
}
