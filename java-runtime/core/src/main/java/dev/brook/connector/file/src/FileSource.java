package dev.brook.connector.file.src;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceOutput;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.api.connector.source.lib.util.SplitQueueReader;
import dev.brook.api.java.typeutils.ResultTypeQueryable;
import dev.brook.connector.file.src.reader.StreamFormat;
import dev.brook.connector.file.src.util.CheckpointedPosition;
import dev.brook.core.fs.Path;
import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads files and directories (recursively; hidden files starting with {@code .} or {@code _} are
 * skipped). Each file is one split. Bounded by default; with {@link
 * Builder#monitorContinuously(Duration)} the paths are re-scanned periodically and new files are
 * read as they appear. Files ending in {@code .gz} are decompressed.
 *
 * <p>A reader checkpoints each file's {@link CheckpointedPosition}: the byte offset of the next
 * record when the format's reader reports it (text lines in UTF-8 and similar charsets), otherwise
 * the number of records read, which a restore reads again and drops. Offsets in {@code .gz} files
 * count decompressed bytes, reached on restore by decompressing up to them. The enumerator
 * checkpoints a {@link PendingSplitsCheckpoint}.
 */
public final class FileSource<T>
        implements Source<T, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>,
                ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    /** The position of a split not read yet. */
    private static final CheckpointedPosition START =
            new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 0);

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
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
            createEnumerator(SplitEnumeratorContext<FileSourceSplit> context) {
        return new FileSplitEnumerator(context, List.of(paths), discoveryInterval, null);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
            restoreEnumerator(
                    SplitEnumeratorContext<FileSourceSplit> context,
                    PendingSplitsCheckpoint<FileSourceSplit> checkpoint) {
        return new FileSplitEnumerator(context, List.of(paths), discoveryInterval, checkpoint);
    }

    @Override
    public SourceReader<T, FileSourceSplit> createReader(SourceReaderContext context) {
        return new SplitQueueReader<>(context) {
            private StreamFormat.Reader<T> reader;

            /** Where {@link #reader} started, for formats whose readers report no position. */
            private long startOffset;

            private long recordsAfterStart;

            @Override
            protected void openSplit(FileSourceSplit split) throws IOException {
                CheckpointedPosition position = split.getReaderPosition().orElse(START);
                startOffset = position.getOffset();
                InputStream in = openAt(split.path(), startOffset);
                try {
                    reader =
                            startOffset == CheckpointedPosition.NO_OFFSET
                                    ? format.createReader(in)
                                    : format.restoreReader(in, startOffset);
                    for (recordsAfterStart = 0;
                            recordsAfterStart < position.getRecordsAfterOffset();
                            recordsAfterStart++) {
                        if (reader.read() == null) {
                            throw new IOException(
                                    "Input file '"
                                            + split.path()
                                            + "' ends before the checkpointed "
                                            + position
                                            + "; was it changed after the checkpoint?");
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    in.close();
                    reader = null;
                    throw e;
                }
            }

            @Override
            protected boolean emitFrom(FileSourceSplit split, SourceOutput<T> output)
                    throws IOException {
                for (int i = 0; i < BATCH; i++) {
                    T record = reader.read();
                    if (record == null) {
                        return false;
                    }
                    recordsAfterStart++;
                    output.collect(record);
                }
                return true;
            }

            @Override
            protected FileSourceSplit snapshotSplit(FileSourceSplit split) {
                CheckpointedPosition position = reader.getCheckpointedPosition();
                return split.updateWithCheckpointedPosition(
                        position != null
                                ? position
                                : new CheckpointedPosition(startOffset, recordsAfterStart));
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

    /**
     * Opens a file at {@code offset}: a seek for plain files, decompressing and dropping the bytes
     * before it for {@code .gz} files, whose readers count offsets in the decompressed content.
     */
    private static InputStream openAt(String path, long offset) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(java.nio.file.Path.of(path));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("Input file '" + path + "' disappeared before it was read", e);
        }
        try {
            if (path.endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            if (offset > 0) {
                in.skipNBytes(offset);
            }
            return in;
        } catch (EOFException e) {
            in.close();
            throw new IOException(
                    "Input file '"
                            + path
                            + "' is shorter than the checkpointed offset "
                            + offset
                            + "; was it changed after the checkpoint?",
                    e);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return FileSourceSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<PendingSplitsCheckpoint<FileSourceSplit>>
            getEnumeratorCheckpointSerializer() {
        return new PendingSplitsCheckpointSerializer<>(FileSourceSplitSerializer.INSTANCE);
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
}
