package dev.brook.connector.file.sink;

import dev.brook.api.common.serialization.Encoder;
import dev.brook.api.connector.sink2.SinkWriter;
import dev.brook.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** The writer of one parallel {@link FileSink} instance. Task thread only. */
final class FileWriter<IN> implements SinkWriter<IN> {

    private final Path basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, String> bucketAssigner;
    private final DefaultRollingPolicy rollingPolicy;
    private final OutputFileConfig fileConfig;
    private final String uuid;
    private final int subtask;
    private final Map<String, InProgressPart> open = new HashMap<>();
    private final AssignerContext assignerContext = new AssignerContext();
    private long partCounter;

    FileWriter(
            Path basePath,
            Encoder<IN> encoder,
            BucketAssigner<IN, String> bucketAssigner,
            DefaultRollingPolicy rollingPolicy,
            OutputFileConfig fileConfig,
            String uuid,
            int subtask) {
        this.basePath = basePath;
        this.encoder = encoder;
        this.bucketAssigner = bucketAssigner;
        this.rollingPolicy = rollingPolicy;
        this.fileConfig = fileConfig;
        this.uuid = uuid;
        this.subtask = subtask;
    }

    /** A part file being written, under its hidden in-progress name. */
    private final class InProgressPart {
        final Path inProgress;
        final Path target;
        final CountingStream out;
        final long createdAt;
        long lastWrite;

        InProgressPart(Path bucketDir) throws IOException {
            Files.createDirectories(bucketDir);
            String name =
                    fileConfig.getPartPrefix()
                            + "-"
                            + uuid
                            + "-"
                            + subtask
                            + "-"
                            + partCounter++
                            + fileConfig.getPartSuffix();
            this.target = bucketDir.resolve(name);
            this.inProgress = bucketDir.resolve("." + name + ".inprogress");
            this.out =
                    new CountingStream(
                            new BufferedOutputStream(Files.newOutputStream(inProgress), 1 << 16));
            this.createdAt = System.currentTimeMillis();
            this.lastWrite = createdAt;
        }

        void commit() throws IOException {
            out.close();
            Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        assignerContext.current = context;
        String bucket = bucketAssigner.getBucketId(element, assignerContext);
        InProgressPart part = open.get(bucket);
        long now = System.currentTimeMillis();
        if (part != null
                && rollingPolicy.shouldRoll(part.out.count, part.createdAt, part.lastWrite, now)) {
            part.commit();
            part = null;
        }
        if (part == null) {
            part = new InProgressPart(bucket.isEmpty() ? basePath : basePath.resolve(bucket));
            open.put(bucket, part);
        }
        encoder.encode(element, part.out);
        part.lastWrite = now;
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (endOfInput) {
            Iterator<InProgressPart> it = open.values().iterator();
            while (it.hasNext()) {
                it.next().commit();
                it.remove();
            }
        } else {
            for (InProgressPart p : open.values()) {
                p.out.flush();
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (InProgressPart p : open.values()) {
            p.out.close();
        }
        open.clear();
    }

    private final class AssignerContext implements BucketAssigner.Context {
        Context current;

        @Override
        public long currentProcessingTime() {
            return System.currentTimeMillis();
        }

        @Override
        public long currentWatermark() {
            return current.currentWatermark();
        }

        @Override
        public Long timestamp() {
            return current.timestamp();
        }
    }

    /** Counts bytes written, for the size-based rolling decision. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream delegate;
        long count;

        CountingStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
