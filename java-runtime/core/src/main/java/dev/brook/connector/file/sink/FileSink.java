package dev.brook.connector.file.sink;

import dev.brook.api.common.serialization.Encoder;
import dev.brook.api.connector.sink2.Committer;
import dev.brook.api.connector.sink2.CommitterInitContext;
import dev.brook.api.connector.sink2.Sink;
import dev.brook.api.connector.sink2.SinkWriter;
import dev.brook.api.connector.sink2.StatefulSinkWriter;
import dev.brook.api.connector.sink2.SupportsCommitter;
import dev.brook.api.connector.sink2.SupportsWriterState;
import dev.brook.api.connector.sink2.WriterInitContext;
import dev.brook.core.fs.Path;
import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.brook.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import java.io.IOException;
import java.util.Collection;
import java.util.UUID;

/**
 * Writes records into part files under a base path, one directory per bucket. A part file is
 * written under a hidden in-progress name, so readers never see half-written files. With
 * checkpoints the output is exactly-once: a finished part becomes visible (is renamed to its final
 * name) only when the checkpoint after it is complete, and a restored job continues the parts the
 * checkpoint recorded. Without checkpoints a part is renamed when it rolls or the input ends.
 */
public final class FileSink<IN>
        implements Sink<IN>,
                SupportsCommitter<FileSinkCommittable>,
                SupportsWriterState<IN, FileWriterBucketState> {

    private static final long serialVersionUID = 1L;

    private final Path basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, String> bucketAssigner;
    private final DefaultRollingPolicy rollingPolicy;
    private final OutputFileConfig outputFileConfig;

    private FileSink(RowFormatBuilder<IN> b) {
        this.basePath = b.basePath;
        this.encoder = b.encoder;
        this.bucketAssigner = b.bucketAssigner;
        this.rollingPolicy = b.rollingPolicy;
        this.outputFileConfig = b.outputFileConfig;
    }

    public static <IN> RowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
        return new RowFormatBuilder<>(basePath, encoder);
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
        return newWriter(context);
    }

    private FileWriter<IN> newWriter(WriterInitContext context) {
        return new FileWriter<>(
                basePath.toNioPath(),
                encoder,
                bucketAssigner,
                rollingPolicy,
                outputFileConfig,
                UUID.randomUUID().toString(),
                context.getSubtaskId(),
                context.isCheckpointingEnabled());
    }

    @Override
    public StatefulSinkWriter<IN, FileWriterBucketState> restoreWriter(
            WriterInitContext context, Collection<FileWriterBucketState> recoveredState)
            throws IOException {
        FileWriter<IN> writer = newWriter(context);
        writer.restore(recoveredState);
        return writer;
    }

    @Override
    public SimpleVersionedSerializer<FileWriterBucketState> getWriterStateSerializer() {
        return new FileSinkSerializers.BucketStateSerializer();
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) {
        return new FileCommitter();
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return new FileSinkSerializers.CommittableSerializer();
    }

    @Override
    public String toString() {
        return "FileSink(" + basePath + ")";
    }

    /** Configures a row-format {@link FileSink}. */
    public static final class RowFormatBuilder<IN> {
        private final Path basePath;
        private final Encoder<IN> encoder;
        private BucketAssigner<IN, String> bucketAssigner = new DateTimeBucketAssigner<>();
        private DefaultRollingPolicy rollingPolicy = DefaultRollingPolicy.builder().build();
        private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();

        private RowFormatBuilder(Path basePath, Encoder<IN> encoder) {
            this.basePath = basePath;
            this.encoder = encoder;
        }

        public RowFormatBuilder<IN> withBucketAssigner(BucketAssigner<IN, String> assigner) {
            this.bucketAssigner = assigner;
            return this;
        }

        public RowFormatBuilder<IN> withRollingPolicy(DefaultRollingPolicy policy) {
            this.rollingPolicy = policy;
            return this;
        }

        public RowFormatBuilder<IN> withOutputFileConfig(OutputFileConfig config) {
            this.outputFileConfig = config;
            return this;
        }

        public FileSink<IN> build() {
            return new FileSink<>(this);
        }
    }
}
