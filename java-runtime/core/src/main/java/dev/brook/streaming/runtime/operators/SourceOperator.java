package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.eventtime.NoWatermarksGenerator;
import dev.brook.api.common.eventtime.RecordTimestampAssigner;
import dev.brook.api.common.eventtime.TimestampAssigner;
import dev.brook.api.common.eventtime.Watermark;
import dev.brook.api.common.eventtime.WatermarkGenerator;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.brook.api.connector.source.ReaderOutput;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceEvent;
import dev.brook.api.connector.source.SourceOutput;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SourceSplit;
import dev.brook.configuration.Configuration;
import dev.brook.core.io.InputStatus;
import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.operators.coordination.OperatorEventHandler;
import dev.brook.runtime.source.event.AddSplitEvent;
import dev.brook.runtime.source.event.NoMoreSplitsEvent;
import dev.brook.runtime.source.event.ReaderRegistrationEvent;
import dev.brook.runtime.source.event.RequestSplitEvent;
import dev.brook.runtime.source.event.SourceEventWrapper;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs the {@link SourceReader} of one parallel source instance: registers with the source's
 * coordinator, receives splits, polls the reader for records, assigns timestamps and generates
 * watermarks.
 *
 * <p>Event time is per split when the reader emits through split outputs (every {@code
 * SplitQueueReader} does): each split has its own watermark generator, and the reader's watermark
 * is the smallest of its active splits', so idleness ({@link WatermarkStrategy#withIdleness}) is
 * judged per split too and the reader is idle when all its splits are. Records emitted through the
 * reader output itself share one generator. Periodic emission runs every {@code
 * pipeline.auto-watermark-interval} on the task's processing-time clock; 0 turns it off, as in
 * Flink.
 */
public final class SourceOperator<OUT, SplitT extends SourceSplit>
        extends AbstractStreamOperator<OUT> implements OperatorEventHandler {

    private final Source<OUT, SplitT, ?> source;
    private final WatermarkStrategy<OUT> watermarkStrategy;
    private final long autoWatermarkInterval;
    private final Configuration configuration;
    private SourceReader<OUT, SplitT> reader;
    private OutputImpl readerOutput;
    private ScheduledFuture<?> periodicWatermarks;

    /** The reader's splits at the last checkpoint: version-prefixed serialized splits. */
    private ListState<byte[]> readerState;

    static final ListStateDescriptor<byte[]> SPLITS_STATE =
            new ListStateDescriptor<>(
                    "SourceReaderState", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    public SourceOperator(
            OperatorParameters<OUT> parameters,
            Source<OUT, SplitT, ?> source,
            WatermarkStrategy<OUT> watermarkStrategy,
            long autoWatermarkInterval,
            Configuration configuration) {
        super(parameters);
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
        this.autoWatermarkInterval = autoWatermarkInterval;
        this.configuration = configuration;
    }

    @Override
    public void open() throws Exception {
        EventTimeContext eventTime = new EventTimeContext(parameters.processingTimeService());
        TimestampAssigner<OUT> assigner = watermarkStrategy.createTimestampAssigner(eventTime);
        WatermarkGenerator<OUT> generator = watermarkStrategy.createWatermarkGenerator(eventTime);
        readerOutput = new OutputImpl(assigner, generator, eventTime);
        reader = source.createReader(new ReaderContext());
        readerState = getOperatorStateBackend().getListState(SPLITS_STATE);
        List<SplitT> restored = new ArrayList<>();
        for (byte[] bytes : readerState.get()) {
            restored.add(deserializeSplit(bytes));
        }
        // Restored splits first: the reader resumes where the checkpoint left off, before the
        // coordinator hands out anything new.
        if (!restored.isEmpty()) {
            reader.addSplits(restored);
        }
        parameters
                .operatorEventGateway()
                .sendEventToCoordinator(
                        new ReaderRegistrationEvent(
                                getRuntimeContext().getIndexOfThisSubtask(), "localhost"));
        reader.start();
        if (!(generator instanceof NoWatermarksGenerator) && autoWatermarkInterval > 0) {
            periodicWatermarks =
                    parameters
                            .processingTimeService()
                            .scheduleAtFixedRate(
                                    t -> readerOutput.periodicEmit(),
                                    autoWatermarkInterval,
                                    autoWatermarkInterval);
        }
    }

    /** Polls the reader once. */
    public InputStatus emitNext() throws Exception {
        InputStatus status = reader.pollNext(readerOutput);
        if (status == InputStatus.END_OF_INPUT) {
            stopPeriodicWatermarks();
            // Through the emitter: an idle output turns active first, or the end would be ignored.
            readerOutput.emitWatermark(Watermark.MAX_WATERMARK);
        }
        return status;
    }

    /** Stop with a drain: event time ends now (windows and timers downstream fire). */
    public void advanceToEndOfEventTime() {
        stopPeriodicWatermarks();
        readerOutput.emitWatermark(Watermark.MAX_WATERMARK);
    }

    public CompletableFuture<Void> getAvailableFuture() {
        return reader.isAvailable();
    }

    /** The reader's splits, serialized at once: the reader goes on changing its own. */
    @Override
    public void snapshotState(long checkpointId, long timestamp) throws Exception {
        super.snapshotState(checkpointId, timestamp);
        SimpleVersionedSerializer<SplitT> serializer = source.getSplitSerializer();
        List<byte[]> splits = new ArrayList<>();
        for (SplitT split : reader.snapshotState(checkpointId)) {
            byte[] bytes = serializer.serialize(split);
            ByteBuffer versioned = ByteBuffer.allocate(4 + bytes.length);
            versioned.putInt(serializer.getVersion()).put(bytes);
            splits.add(versioned.array());
        }
        readerState.update(splits);
    }

    private SplitT deserializeSplit(byte[] versioned) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(versioned);
        int version = buffer.getInt();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return source.getSplitSerializer().deserialize(version, bytes);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        reader.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        super.notifyCheckpointAborted(checkpointId);
        reader.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void handleOperatorEvent(OperatorEvent event) throws Exception {
        if (event instanceof AddSplitEvent add) {
            SimpleVersionedSerializer<SplitT> serializer = source.getSplitSerializer();
            List<SplitT> splits = new ArrayList<>(add.splits().size());
            for (byte[] bytes : add.splits()) {
                splits.add(serializer.deserialize(add.version(), bytes));
            }
            reader.addSplits(splits);
        } else if (event instanceof NoMoreSplitsEvent) {
            reader.notifyNoMoreSplits();
        } else if (event instanceof SourceEventWrapper wrapper) {
            reader.handleSourceEvents(wrapper.sourceEvent());
        } else {
            throw new IllegalArgumentException("Unexpected event for a source: " + event);
        }
    }

    private void stopPeriodicWatermarks() {
        if (periodicWatermarks != null) {
            periodicWatermarks.cancel(false);
            periodicWatermarks = null;
        }
    }

    @Override
    public void close() throws Exception {
        stopPeriodicWatermarks();
        if (reader != null) {
            reader.close();
        }
    }

    private final class ReaderContext implements SourceReaderContext {
        @Override
        public void sendSplitRequest() {
            parameters
                    .operatorEventGateway()
                    .sendEventToCoordinator(new RequestSplitEvent("localhost"));
        }

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
            parameters
                    .operatorEventGateway()
                    .sendEventToCoordinator(new SourceEventWrapper(sourceEvent));
        }

        @Override
        public int getIndexOfSubtask() {
            return getRuntimeContext().getIndexOfThisSubtask();
        }

        @Override
        public int currentParallelism() {
            return getRuntimeContext().getNumberOfParallelSubtasks();
        }

        @Override
        public Configuration getConfiguration() {
            return configuration;
        }

        @Override
        public String getLocalHostName() {
            return "localhost";
        }
    }

    /**
     * The reader's output: extracts timestamps and feeds the watermark generator, except when the
     * strategy needs neither, in which case records pass straight through. Readers that emit
     * through split outputs ({@link #createOutputForSplit}) get a generator per split, and the
     * reader's watermark is the smallest of its splits' (idle splits aside), so a split read later
     * than another is never overtaken by the other's watermarks.
     */
    private final class OutputImpl implements ReaderOutput<OUT> {
        private final TimestampAssigner<OUT> assigner;
        private final WatermarkGenerator<OUT> generator;
        private final EventTimeContext eventTime;
        private final boolean passThrough;
        private final StreamRecord<OUT> reuse = new StreamRecord<>(null);
        private final WatermarkEmitter watermarks = new WatermarkEmitter(output);
        private final Map<String, SplitOutput> splits = new LinkedHashMap<>();

        OutputImpl(
                TimestampAssigner<OUT> assigner,
                WatermarkGenerator<OUT> generator,
                EventTimeContext eventTime) {
            this.assigner = assigner;
            this.generator = generator;
            this.eventTime = eventTime;
            this.passThrough =
                    assigner instanceof RecordTimestampAssigner
                            && generator instanceof NoWatermarksGenerator;
        }

        @Override
        public void collect(OUT record) {
            collect(record, TimestampAssigner.NO_TIMESTAMP);
        }

        @Override
        public void collect(OUT record, long timestamp) {
            long ts = emit(record, timestamp);
            if (!passThrough) {
                // After the record: a watermark it causes must not overtake it.
                generator.onEvent(record, ts, watermarks);
            }
        }

        /** Emits the record with its timestamp; returns the timestamp. */
        long emit(OUT record, long timestamp) {
            long ts = passThrough ? timestamp : assigner.extractTimestamp(record, timestamp);
            if (ts == TimestampAssigner.NO_TIMESTAMP) {
                reuse.eraseTimestamp();
                output.collect(reuse.replace(record));
            } else {
                output.collect(reuse.replace(record, ts));
            }
            return ts;
        }

        void periodicEmit() {
            if (splits.isEmpty()) {
                generator.onPeriodicEmit(watermarks);
            } else {
                for (SplitOutput split : splits.values()) {
                    split.generator.onPeriodicEmit(split);
                }
            }
        }

        /** The reader's watermark from its splits': the smallest of the active ones. */
        void combineSplitWatermarks() {
            long min = Long.MAX_VALUE;
            boolean allIdle = true;
            for (SplitOutput split : splits.values()) {
                if (!split.idle) {
                    allIdle = false;
                    min = Math.min(min, split.watermark);
                }
            }
            if (splits.isEmpty()) {
                return;
            }
            if (allIdle) {
                watermarks.markIdle();
            } else if (min > Long.MIN_VALUE) {
                watermarks.emitWatermark(new Watermark(min));
            }
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.emitWatermark(watermark);
        }

        @Override
        public void markIdle() {
            watermarks.markIdle();
        }

        @Override
        public void markActive() {
            watermarks.markActive();
        }

        @Override
        public SourceOutput<OUT> createOutputForSplit(String splitId) {
            if (passThrough) {
                return this;
            }
            return splits.computeIfAbsent(splitId, id -> new SplitOutput());
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
            if (splits.remove(splitId) != null) {
                combineSplitWatermarks();
            }
        }

        /** One split's output: its own watermark generator, watermark and idleness. */
        private final class SplitOutput implements SourceOutput<OUT> {
            final WatermarkGenerator<OUT> generator =
                    watermarkStrategy.createWatermarkGenerator(eventTime);
            long watermark = Long.MIN_VALUE;
            boolean idle;

            @Override
            public void collect(OUT record) {
                collect(record, TimestampAssigner.NO_TIMESTAMP);
            }

            @Override
            public void collect(OUT record, long timestamp) {
                long ts = emit(record, timestamp);
                generator.onEvent(record, ts, this);
            }

            @Override
            public void emitWatermark(Watermark mark) {
                idle = false;
                if (mark.getTimestamp() > watermark) {
                    watermark = mark.getTimestamp();
                }
                combineSplitWatermarks();
            }

            @Override
            public void markIdle() {
                if (!idle) {
                    idle = true;
                    combineSplitWatermarks();
                }
            }

            @Override
            public void markActive() {
                idle = false;
            }
        }
    }
}
