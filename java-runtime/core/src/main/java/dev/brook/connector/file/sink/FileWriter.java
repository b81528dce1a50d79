package dev.brook.connector.file.sink;

import dev.brook.api.common.serialization.Encoder;
import dev.brook.api.connector.sink2.CommittingSinkWriter;
import dev.brook.api.connector.sink2.StatefulSinkWriter;
import dev.brook.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The writer of one parallel {@link FileSink} instance. Task thread only.
 *
 * <p>With checkpoints (exactly-once) a part file goes in-progress → pending → finished: it is
 * written under a hidden in-progress name; when it rolls (or at a checkpoint once it is larger than
 * the part size, or at the end of input) it is closed and becomes pending, handed to the committer
 * with the next checkpoint; the committer renames it to its final name when that checkpoint is
 * complete. A part still being written at a checkpoint is recorded with its length, and a restored
 * writer cuts it back to that length and goes on. Without checkpoints a part is renamed as soon as
 * it rolls.
 */
final class FileWriter<IN>
        implements StatefulSinkWriter<IN, FileWriterBucketState>,
                CommittingSinkWriter<IN, FileSinkCommittable> {

    private final Path basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, String> bucketAssigner;
    private final DefaultRollingPolicy rollingPolicy;
    private final OutputFileConfig fileConfig;
    private final String uuid;
    private final int subtask;
    private final boolean twoPhase;
    private final Map<String, InProgressPart> open = new HashMap<>();
    private final List<FileSinkCommittable> pending = new ArrayList<>();
    private final AssignerContext assignerContext = new AssignerContext();
    private long partCounter;

    FileWriter(
            Path basePath,
            Encoder<IN> encoder,
            BucketAssigner<IN, String> bucketAssigner,
            DefaultRollingPolicy rollingPolicy,
            OutputFileConfig fileConfig,
            String uuid,
            int subtask,
            boolean twoPhase) {
        this.basePath = basePath;
        this.encoder = encoder;
        this.bucketAssigner = bucketAssigner;
        this.rollingPolicy = rollingPolicy;
        this.fileConfig = fileConfig;
        this.uuid = uuid;
        this.subtask = subtask;
        this.twoPhase = twoPhase;
    }

    /** A part file being written, under its hidden in-progress name. */
    private final class InProgressPart {
        final String bucket;
        final Path inProgress;
        final Path target;
        final CountingStream out;
        final long createdAt;
        long lastWrite;

        InProgressPart(String bucket, Path bucketDir) throws IOException {
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
            this.bucket = bucket;
            this.target = bucketDir.resolve(name);
            this.inProgress = bucketDir.resolve("." + name + ".inprogress");
            this.out =
                    new CountingStream(
                            new BufferedOutputStream(Files.newOutputStream(inProgress), 1 << 16),
                            0);
            this.createdAt = System.currentTimeMillis();
            this.lastWrite = createdAt;
        }

        /** A part restored from a checkpoint: cut back to the checkpointed length, reopened. */
        InProgressPart(FileWriterBucketState state) throws IOException {
            this.bucket = state.bucketId();
            this.inProgress = Path.of(state.inProgressFile());
            this.target = Path.of(state.targetFile());
            if (!Files.exists(inProgress)) {
                throw new IOException(
                        "The in-progress part file "
                                + inProgress
                                + " of the restored checkpoint is missing (deleted outside the"
                                + " job?)");
            }
            try (FileChannel channel = FileChannel.open(inProgress, StandardOpenOption.WRITE)) {
                if (channel.size() < state.validLength()) {
                    throw new IOException(
                            "The in-progress part file "
                                    + inProgress
                                    + " is shorter ("
                                    + channel.size()
                                    + " bytes) than the restored checkpoint recorded ("
                                    + state.validLength()
                                    + ")");
                }
                channel.truncate(state.validLength());
            }
            this.out =
                    new CountingStream(
                            new BufferedOutputStream(
                                    Files.newOutputStream(inProgress, StandardOpenOption.APPEND),
                                    1 << 16),
                            state.validLength());
            this.createdAt = state.creationTime();
            this.lastWrite = System.currentTimeMillis();
        }

        /** Closes the part: renamed at once without checkpoints, else pending until committed. */
        void close() throws IOException {
            out.close();
            if (twoPhase) {
                pending.add(
                        new FileSinkCommittable(bucket, inProgress.toString(), target.toString()));
            } else {
                Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /**
     * Restores the parts that were being written at the checkpoint. After a change of parallelism
     * one writer may get several parts of one bucket: it goes on with one and closes the others,
     * which the next checkpoint commits.
     */
    void restore(Collection<FileWriterBucketState> states) throws IOException {
        for (FileWriterBucketState state : states) {
            InProgressPart previous = open.put(state.bucketId(), new InProgressPart(state));
            if (previous != null) {
                previous.close();
            }
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
            part.close();
            part = null;
        }
        if (part == null) {
            part =
                    new InProgressPart(
                            bucket, bucket.isEmpty() ? basePath : basePath.resolve(bucket));
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
                it.next().close();
                it.remove();
            }
        } else {
            for (InProgressPart p : open.values()) {
                p.out.flush();
            }
        }
    }

    /**
     * At a checkpoint barrier: parts larger than the part size roll; every closed part is handed
     * over for commit.
     */
    @Override
    public Collection<FileSinkCommittable> prepareCommit() throws IOException {
        Iterator<InProgressPart> it = open.values().iterator();
        while (it.hasNext()) {
            InProgressPart p = it.next();
            if (p.out.count >= rollingPolicy.getMaxPartSize()) {
                p.close();
                it.remove();
            }
        }
        List<FileSinkCommittable> committables = new ArrayList<>(pending);
        pending.clear();
        return committables;
    }

    /** The parts being written, with the length the checkpoint covers (flushed just before). */
    @Override
    public List<FileWriterBucketState> snapshotState(long checkpointId) throws IOException {
        List<FileWriterBucketState> states = new ArrayList<>(open.size());
        for (InProgressPart p : open.values()) {
            p.out.flush();
            states.add(
                    new FileWriterBucketState(
                            p.bucket,
                            p.inProgress.toString(),
                            p.target.toString(),
                            p.out.count,
                            p.createdAt));
        }
        return states;
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

        CountingStream(OutputStream delegate, long count) {
            this.delegate = delegate;
            this.count = count;
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
