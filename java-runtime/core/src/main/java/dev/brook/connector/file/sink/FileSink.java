package dev.brook.connector.file.sink;

import dev.brook.api.common.serialization.Encoder;
import dev.brook.api.connector.sink2.Sink;
import dev.brook.api.connector.sink2.SinkWriter;
import dev.brook.api.connector.sink2.WriterInitContext;
import dev.brook.core.fs.Path;
import dev.brook.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.brook.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import java.io.IOException;
import java.util.UUID;

/**
 * Writes records into part files under a base path, one directory per bucket. A part file is
 * written under a hidden in-progress name and renamed to its final name when it rolls or the input
 * ends, so readers never see half-written files.
 */
public final class FileSink<IN> implements Sink<IN> {

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
        return new FileWriter<>(
                basePath.toNioPath(),
                encoder,
                bucketAssigner,
                rollingPolicy,
                outputFileConfig,
                UUID.randomUUID().toString(),
                context.getSubtaskId());
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
