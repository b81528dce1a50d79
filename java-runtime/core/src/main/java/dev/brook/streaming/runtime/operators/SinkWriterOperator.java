package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.JobInfo;
import dev.brook.api.common.TaskInfo;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.brook.api.connector.sink2.Committer;
import dev.brook.api.connector.sink2.CommitterInitContext;
import dev.brook.api.connector.sink2.CommittingSinkWriter;
import dev.brook.api.connector.sink2.Sink;
import dev.brook.api.connector.sink2.SinkWriter;
import dev.brook.api.connector.sink2.StatefulSinkWriter;
import dev.brook.api.connector.sink2.SupportsCommitter;
import dev.brook.api.connector.sink2.SupportsWriterState;
import dev.brook.api.connector.sink2.WriterInitContext;
import dev.brook.configuration.CheckpointingOptions;
import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Runs the {@link SinkWriter} of a {@link Sink} and, for sinks with a {@link Committer}, the two
 * phases of their commit:
 *
 * <ol>
 *   <li>when a checkpoint barrier passes, the writer pre-commits what it wrote ({@link
 *       CommittingSinkWriter#prepareCommit}); the committables go into the checkpoint with the
 *       writer's own state;
 *   <li>when the checkpoint is complete, they are committed. After a restore, the committables of
 *       the restored checkpoint are committed first (the committer must be idempotent).
 * </ol>
 *
 * <p>At the end of input the last committables wait for one more checkpoint, which the task waits
 * for ({@link #requiresFinalCheckpoint}). Without checkpoints (or in BATCH mode) they are committed
 * at the end of input.
 */
public final class SinkWriterOperator<IN> extends AbstractOneInputOperator<IN, Void> {

    private static final ListStateDescriptor<byte[]> WRITER_STATE =
            new ListStateDescriptor<>(
                    "writer_raw_states", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    private static final ListStateDescriptor<byte[]> COMMITTABLES =
            new ListStateDescriptor<>(
                    "committables", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private final Sink<IN> sink;
    private final boolean checkpointing;
    private SinkWriter<IN> writer;
    private final ContextImpl context = new ContextImpl();

    private Committer<Object> committer;
    private SimpleVersionedSerializer<Object> committableSerializer;
    private ListState<byte[]> writerState;
    private ListState<byte[]> committablesState;

    /** Pre-committed, by the checkpoint they belong to, until that checkpoint completes. */
    private final TreeMap<Long, List<CommitEntry>> pending = new TreeMap<>();

    /** Pre-committed at the end of input, for the next checkpoint. */
    private final List<Object> unassigned = new ArrayList<>();

    /** A committable and how often its commit was retried. */
    private static final class CommitEntry {
        Object committable;
        int retries;

        CommitEntry(Object committable) {
            this.committable = committable;
        }
    }

    public SinkWriterOperator(OperatorParameters<Void> parameters, Sink<IN> sink) {
        super(parameters);
        this.sink = sink;
        this.checkpointing =
                !parameters.isBatch()
                        && parameters
                                .jobConfiguration()
                                .getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL)
                                .map(d -> d.toMillis() > 0)
                                .orElse(false);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        writerState = getOperatorStateBackend().getListState(WRITER_STATE);
        committablesState = getOperatorStateBackend().getListState(COMMITTABLES);
        WriterInitContextImpl init = new WriterInitContextImpl();
        List<byte[]> restoredWriterState = new ArrayList<>();
        writerState.get().forEach(restoredWriterState::add);
        if (sink instanceof SupportsWriterState stateful && !restoredWriterState.isEmpty()) {
            SimpleVersionedSerializer<Object> serializer = stateful.getWriterStateSerializer();
            List<Object> states = new ArrayList<>();
            for (byte[] bytes : restoredWriterState) {
                states.add(deserialize(serializer, bytes));
            }
            writer = stateful.restoreWriter(init, states);
        } else {
            writer = sink.createWriter(init);
        }
        if (sink instanceof SupportsCommitter supportsCommitter) {
            committer = supportsCommitter.createCommitter(new CommitterInitContextImpl());
            committableSerializer = supportsCommitter.getCommittableSerializer();
            // The restored checkpoint is complete: what it still held is committed now.
            List<CommitEntry> restored = new ArrayList<>();
            for (byte[] bytes : committablesState.get()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                buffer.getLong(); // the checkpoint it was prepared for
                byte[] rest = new byte[buffer.remaining()];
                buffer.get(rest);
                restored.add(new CommitEntry(deserialize(committableSerializer, rest)));
            }
            if (!restored.isEmpty()) {
                commit(restored);
                if (!restored.isEmpty()) {
                    pending.put(Long.MIN_VALUE, restored);
                }
            }
        }
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        context.current = element;
        writer.write(element.getValue(), context);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.timestamp();
        writer.writeWatermark(new dev.brook.api.common.eventtime.Watermark(mark.timestamp()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void finish() throws Exception {
        writer.flush(true);
        if (committer != null) {
            unassigned.addAll(((CommittingSinkWriter<IN, Object>) writer).prepareCommit());
            if (!checkpointing) {
                List<CommitEntry> all = new ArrayList<>();
                pending.values().forEach(all::addAll);
                unassigned.forEach(c -> all.add(new CommitEntry(c)));
                pending.clear();
                unassigned.clear();
                commit(all);
                if (!all.isEmpty()) {
                    throw new IOException(
                            "The sink's committer asked to retry "
                                    + all.size()
                                    + " committables at the end of input, when there are no"
                                    + " further checkpoints to retry with");
                }
            }
        }
    }

    /** With a committer and checkpoints, the last output is committed by a final checkpoint. */
    @Override
    public boolean requiresFinalCheckpoint() {
        return committer != null && checkpointing;
    }

    /**
     * What the writer buffers goes out before the barrier, so a checkpoint never loses it; a
     * committing writer pre-commits what belongs to this checkpoint.
     */
    @Override
    @SuppressWarnings("unchecked")
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        writer.flush(false);
        if (committer != null) {
            List<CommitEntry> entries = new ArrayList<>();
            unassigned.forEach(c -> entries.add(new CommitEntry(c)));
            unassigned.clear();
            for (Object c : ((CommittingSinkWriter<IN, Object>) writer).prepareCommit()) {
                entries.add(new CommitEntry(c));
            }
            if (!entries.isEmpty()) {
                pending.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(entries);
            }
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void snapshotState(long checkpointId, long timestamp) throws Exception {
        super.snapshotState(checkpointId, timestamp);
        if (writer instanceof StatefulSinkWriter stateful
                && sink instanceof SupportsWriterState supportsState) {
            SimpleVersionedSerializer<Object> serializer = supportsState.getWriterStateSerializer();
            List<byte[]> states = new ArrayList<>();
            for (Object state : (List<Object>) stateful.snapshotState(checkpointId)) {
                states.add(serialize(serializer, state, 0, false));
            }
            writerState.update(states);
        }
        if (committer != null) {
            List<byte[]> committables = new ArrayList<>();
            for (Map.Entry<Long, List<CommitEntry>> e : pending.entrySet()) {
                for (CommitEntry c : e.getValue()) {
                    committables.add(
                            serialize(committableSerializer, c.committable, e.getKey(), true));
                }
            }
            committablesState.update(committables);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        if (committer == null) {
            return;
        }
        List<CommitEntry> due = new ArrayList<>();
        Map<Long, List<CommitEntry>> complete = pending.headMap(checkpointId, true);
        complete.values().forEach(due::addAll);
        complete.clear();
        commit(due);
        if (!due.isEmpty()) {
            pending.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(due);
        }
    }

    /** Commits {@code entries}; those the committer wants to retry stay in the list. */
    private void commit(List<CommitEntry> entries) throws IOException, InterruptedException {
        if (entries.isEmpty()) {
            return;
        }
        List<Request> requests = new ArrayList<>(entries.size());
        for (CommitEntry e : entries) {
            requests.add(new Request(e));
        }
        committer.commit(new ArrayList<>(requests));
        entries.clear();
        for (Request r : requests) {
            if (r.failure != null) {
                throw new IOException(
                        "The sink's committer failed to commit " + r.entry.committable, r.failure);
            }
            if (r.retry) {
                r.entry.retries++;
                entries.add(r.entry);
            }
        }
    }

    private static byte[] serialize(
            SimpleVersionedSerializer<Object> serializer,
            Object value,
            long checkpointId,
            boolean withCheckpointId)
            throws IOException {
        byte[] bytes = serializer.serialize(value);
        ByteBuffer buffer = ByteBuffer.allocate((withCheckpointId ? 12 : 4) + bytes.length);
        if (withCheckpointId) {
            buffer.putLong(checkpointId);
        }
        return buffer.putInt(serializer.getVersion()).put(bytes).array();
    }

    private static Object deserialize(SimpleVersionedSerializer<Object> serializer, byte[] bytes)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int version = buffer.getInt();
        byte[] rest = new byte[buffer.remaining()];
        buffer.get(rest);
        return serializer.deserialize(version, rest);
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        if (writer != null) {
            try {
                writer.close();
            } catch (Exception e) {
                failure = e;
            }
        }
        if (committer != null) {
            try {
                committer.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private final class Request implements Committer.CommitRequest<Object> {
        final CommitEntry entry;
        boolean retry;
        Throwable failure;

        Request(CommitEntry entry) {
            this.entry = entry;
        }

        @Override
        public Object getCommittable() {
            return entry.committable;
        }

        @Override
        public int getNumberOfRetries() {
            return entry.retries;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            failure = t;
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            failure = t;
        }

        @Override
        public void retryLater() {
            retry = true;
        }

        @Override
        public void updateAndRetryLater(Object committable) {
            entry.committable = committable;
            retry = true;
        }

        @Override
        public void signalAlreadyCommitted() {}
    }

    private class InitContextImpl {
        public TaskInfo getTaskInfo() {
            return getRuntimeContext().getTaskInfo();
        }

        public JobInfo getJobInfo() {
            return getRuntimeContext().getJobInfo();
        }

        public OptionalLong getRestoredCheckpointId() {
            return getOperatorStateBackend().getRestoredCheckpointId();
        }

        public boolean isCheckpointingEnabled() {
            return checkpointing;
        }
    }

    private final class WriterInitContextImpl extends InitContextImpl implements WriterInitContext {
        @Override
        public ClassLoader getUserCodeClassLoader() {
            return getRuntimeContext().getUserCodeClassLoader();
        }
    }

    private final class CommitterInitContextImpl extends InitContextImpl
            implements CommitterInitContext {}

    private final class ContextImpl implements SinkWriter.Context {
        StreamRecord<?> current;

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public Long timestamp() {
            return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
        }
    }
}
