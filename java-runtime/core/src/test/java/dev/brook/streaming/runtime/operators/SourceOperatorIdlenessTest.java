package dev.brook.streaming.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.JobID;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.connector.source.ReaderOutput;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SourceSplit;
import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.configuration.Configuration;
import dev.brook.core.io.InputStatus;
import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.state.heap.HeapOperatorStateBackend;
import dev.brook.runtime.taskmanager.JobDescription;
import dev.brook.runtime.taskmanager.SubtaskInfo;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.streaming.runtime.tasks.StreamingRuntimeContext;
import dev.brook.streaming.util.ManualProcessingTimeService;
import dev.brook.util.OutputTag;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Idleness of a source reader's output, driven by the operator's processing-time clock: one
 * watermark generator per reader, so the reader as a whole goes idle and comes back.
 */
class SourceOperatorIdlenessTest {

    static final Duration IDLE_TIMEOUT = Duration.ofMillis(500);
    static final long INTERVAL = 100;

    final ManualProcessingTimeService time = new ManualProcessingTimeService();
    final List<String> emitted = new ArrayList<>();
    final QueueSource source = new QueueSource();
    final SourceOperator<Long, NoSplit> operator =
            new SourceOperator<>(
                    parameters(),
                    source,
                    WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(10))
                            .withTimestampAssigner((value, ts) -> value)
                            .withIdleness(IDLE_TIMEOUT),
                    INTERVAL,
                    new Configuration());

    @Test
    void aReaderWithoutRecordsForTheTimeoutGoesIdleAndItsNextRecordMakesItActive()
            throws Exception {
        operator.open();
        source.reader.records.add(100L);
        operator.emitNext();
        time.advanceTo(100); // periodic emission sees the record: activity at 100
        time.advanceTo(599);
        assertThat(emitted).containsExactly("r100", "W89");

        time.advanceTo(600);
        assertThat(emitted).containsExactly("r100", "W89", "IDLE");
        assertThat(operator.emitNext())
                .as("a reader that waits for data keeps the output idle")
                .isEqualTo(InputStatus.NOTHING_AVAILABLE);
        time.advanceTo(5_000);
        assertThat(emitted).containsExactly("r100", "W89", "IDLE");

        source.reader.records.add(300L);
        operator.emitNext();
        time.advanceTo(5_100);
        assertThat(emitted).containsExactly("r100", "W89", "IDLE", "r300", "ACTIVE", "W289");
        operator.close();
    }

    @Test
    void aSplitNotReadYetHoldsBackTheWatermarkOfASplitReadBeforeIt() throws Exception {
        operator.open();
        source.reader.register.addAll(List.of("early", "late"));
        source.reader.splitRecords.add(new Object[] {"late", 1000L});
        source.reader.splitRecords.add(new Object[] {"late", 1050L});
        operator.emitNext();
        operator.emitNext();
        time.advanceTo(100);
        // "early" has not emitted anything: its records may still be older than 1000.
        assertThat(emitted).containsExactly("r1000", "r1050");

        source.reader.release.add("late");
        source.reader.splitRecords.add(new Object[] {"early", 5L});
        operator.emitNext();
        time.advanceTo(200);
        assertThat(emitted).containsExactly("r1000", "r1050", "r5", "W-6");
        operator.close();
    }

    @Test
    void theEndOfAnIdleReaderStillReachesDownstream() throws Exception {
        operator.open();
        time.advanceTo(500);
        source.reader.ended = true;
        assertThat(operator.emitNext()).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(emitted).containsExactly("IDLE", "ACTIVE", "W_MAX");
        operator.close();
    }

    private OperatorParameters<Long> parameters() {
        return new OperatorParameters<>(
                "source",
                new Output<>() {
                    @Override
                    public void collect(StreamRecord<Long> record) {
                        emitted.add("r" + record.getTimestamp());
                    }

                    @Override
                    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {}

                    @Override
                    public void emitWatermark(Watermark mark) {
                        emitted.add(
                                mark.timestamp() == Long.MAX_VALUE
                                        ? "W_MAX"
                                        : "W" + mark.timestamp());
                    }

                    @Override
                    public void emitWatermarkStatus(WatermarkStatus status) {
                        emitted.add(status.toString());
                    }
                },
                new StreamingRuntimeContext(
                        new SubtaskInfo("source", 128, 0, 1, 0),
                        new JobDescription(JobID.generate(), "test job"),
                        getClass().getClassLoader(),
                        null),
                null,
                new HeapOperatorStateBackend(),
                null,
                null,
                time,
                (action, description) -> {
                    throw new UnsupportedOperationException("the source sends no mail");
                },
                (OperatorEvent event) -> {},
                new Configuration(),
                null,
                List.of());
    }

    /** No splits: the test hands the reader its records directly. */
    record NoSplit(String splitId) implements SourceSplit {}

    /** A reader that emits what the test queued, one record per poll. */
    static final class QueueReader implements SourceReader<Long, NoSplit> {
        final ArrayDeque<Long> records = new ArrayDeque<>();
        final ArrayDeque<String> register = new ArrayDeque<>();
        final ArrayDeque<String> release = new ArrayDeque<>();

        /** Records of split outputs: (split id, value). */
        final ArrayDeque<Object[]> splitRecords = new ArrayDeque<>();

        boolean ended;

        @Override
        public void start() {}

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
            while (!register.isEmpty()) {
                output.createOutputForSplit(register.poll());
            }
            while (!release.isEmpty()) {
                output.releaseOutputForSplit(release.poll());
            }
            Object[] splitRecord = splitRecords.poll();
            if (splitRecord != null) {
                output.createOutputForSplit((String) splitRecord[0]).collect((Long) splitRecord[1]);
                return InputStatus.MORE_AVAILABLE;
            }
            Long next = records.poll();
            if (next != null) {
                output.collect(next);
                return InputStatus.MORE_AVAILABLE;
            }
            return ended ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }

        @Override
        public List<NoSplit> snapshotState(long checkpointId) {
            return List.of();
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return new CompletableFuture<>();
        }

        @Override
        public void addSplits(List<NoSplit> splits) {}

        @Override
        public void notifyNoMoreSplits() {}

        @Override
        public void close() {}
    }

    /** Only what the operator itself uses: it creates one reader. */
    static final class QueueSource implements Source<Long, NoSplit, Void> {
        final QueueReader reader = new QueueReader();

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.CONTINUOUS_UNBOUNDED;
        }

        @Override
        public SourceReader<Long, NoSplit> createReader(SourceReaderContext context) {
            return reader;
        }

        @Override
        public SplitEnumerator<NoSplit, Void> createEnumerator(
                SplitEnumeratorContext<NoSplit> context) {
            throw new UnsupportedOperationException("runs in the JobMaster, not in this test");
        }

        @Override
        public SplitEnumerator<NoSplit, Void> restoreEnumerator(
                SplitEnumeratorContext<NoSplit> context, Void checkpoint) {
            throw new UnsupportedOperationException("runs in the JobMaster, not in this test");
        }

        @Override
        public SimpleVersionedSerializer<NoSplit> getSplitSerializer() {
            throw new UnsupportedOperationException("this test assigns no splits");
        }

        @Override
        public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
            throw new UnsupportedOperationException("this test takes no checkpoints");
        }
    }
}
