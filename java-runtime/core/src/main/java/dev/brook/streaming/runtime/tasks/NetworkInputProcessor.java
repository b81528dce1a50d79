package dev.brook.streaming.runtime.tasks;

import dev.brook.metrics.Counter;
import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.operators.TwoInputStreamOperator;
import dev.brook.streaming.runtime.streamrecord.CheckpointBarrier;
import dev.brook.streaming.runtime.streamrecord.EndOfPartition;
import dev.brook.streaming.runtime.streamrecord.StreamElement;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import java.util.concurrent.CompletableFuture;

/**
 * Feeds the head operator from its input gates. Gates are polled round-robin; each logical input
 * (1, or 1 and 2) has one {@link StatusWatermarkValve} across all channels of all its gates, which
 * hands the input's watermark and watermark status to the operator's {@link Input}. A two-input
 * operator combines its two inputs itself.
 */
final class NetworkInputProcessor implements InputProcessor {

    private final GateReader[] readers;
    private final Input<Object>[] inputs;
    private final boolean[] keyed;
    private final StatusWatermarkValve[] valves;
    private final int[] unfinishedGatesPerInput;
    private final TwoInputStreamOperator<?, ?, ?> twoInputOperator;
    private final CheckpointBarrierHandler barriers;
    private int unfinishedGates;
    private int nextReader;

    /** Records read, the task's {@code numRecordsIn}. */
    private final Counter numRecordsIn;

    /**
     * @param inputs operator inputs by logical index (0 for input 1, 1 for input 2)
     * @param channelsPerInput total channels of each logical input
     * @param exactlyOnce whether checkpoint barriers are aligned (else at-least-once)
     * @param snapshotTrigger takes the task's snapshot when a checkpoint's barriers are all in
     * @param numRecordsIn counts the records read
     */
    @SuppressWarnings("unchecked")
    NetworkInputProcessor(
            GateReader[] readers,
            Input<?>[] inputs,
            int[] channelsPerInput,
            TwoInputStreamOperator<?, ?, ?> twoInputOperator,
            boolean exactlyOnce,
            CheckpointBarrierHandler.SnapshotTrigger snapshotTrigger,
            Counter numRecordsIn) {
        this.numRecordsIn = numRecordsIn;
        this.readers = readers;
        this.inputs = (Input<Object>[]) inputs;
        this.keyed = new boolean[inputs.length];
        this.valves = new StatusWatermarkValve[inputs.length];
        this.unfinishedGatesPerInput = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            keyed[i] = inputs[i].isKeyed();
            valves[i] = new StatusWatermarkValve(channelsPerInput[i]);
        }
        for (GateReader r : readers) {
            unfinishedGatesPerInput[r.inputIndex]++;
        }
        this.unfinishedGates = readers.length;
        this.twoInputOperator = twoInputOperator;
        this.barriers = new CheckpointBarrierHandler(readers, exactlyOnce, snapshotTrigger);
    }

    /** See {@link CheckpointBarrierHandler#triggerAtEndOfInput}. */
    void triggerCheckpointAtEndOfInput(CheckpointBarrier barrier) throws Exception {
        barriers.triggerAtEndOfInput(barrier);
    }

    @Override
    @SuppressWarnings("unchecked")
    public DataInputStatus processInput() throws Exception {
        int n = readers.length;
        for (int attempt = 0; attempt < n; attempt++) {
            GateReader reader = readers[nextReader];
            if (!reader.isFinished()) {
                StreamElement element = reader.next();
                if (element != null) {
                    int input = reader.inputIndex;
                    if (element instanceof StreamRecord<?> record) {
                        numRecordsIn.inc();
                        Input<Object> target = inputs[input];
                        if (keyed[input]) {
                            target.setKeyContextElement((StreamRecord<Object>) record);
                        }
                        target.processElement((StreamRecord<Object>) record);
                    } else {
                        handleEvent(nextReader, reader, element);
                    }
                    if (n > 1) {
                        // Alternate between gates so no input starves another.
                        nextReader = nextReader + 1 == n ? 0 : nextReader + 1;
                    }
                    return unfinishedGates == 0
                            ? DataInputStatus.END_OF_INPUT
                            : DataInputStatus.MORE_AVAILABLE;
                }
            }
            nextReader = nextReader + 1 == n ? 0 : nextReader + 1;
        }
        return unfinishedGates == 0
                ? DataInputStatus.END_OF_INPUT
                : DataInputStatus.NOTHING_AVAILABLE;
    }

    private void handleEvent(int gate, GateReader reader, StreamElement element) throws Exception {
        int input = reader.inputIndex;
        int channel = reader.channelOffset + reader.currentChannel();
        if (element instanceof Watermark w) {
            valves[input].inputWatermark(w.timestamp(), channel, inputs[input]);
        } else if (element instanceof WatermarkStatus status) {
            valves[input].inputWatermarkStatus(status, channel, inputs[input]);
        } else if (element == EndOfPartition.INSTANCE) {
            valves[input].inputEndOfPartition(channel, inputs[input]);
            if (reader.channelFinished()) {
                unfinishedGates--;
                if (--unfinishedGatesPerInput[input] == 0 && twoInputOperator != null) {
                    twoInputOperator.endInput(input + 1);
                }
            }
            barriers.onEndOfPartition(gate, reader.currentChannel());
        } else if (element instanceof CheckpointBarrier barrier) {
            barriers.onBarrier(barrier, gate, reader.currentChannel());
        }
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        for (GateReader r : readers) {
            if (r.hasResumedData()) {
                return CompletableFuture.completedFuture(null);
            }
        }
        if (readers.length == 1) {
            return readers[0].gate.getAvailableFuture();
        }
        java.util.List<CompletableFuture<?>> futures = new java.util.ArrayList<>(readers.length);
        for (GateReader r : readers) {
            if (!r.isFinished()) {
                futures.add(r.gate.getAvailableFuture());
            }
        }
        return CompletableFuture.anyOf(futures.toArray(new CompletableFuture<?>[0]));
    }

    @Override
    public void close() {
        for (GateReader r : readers) {
            r.close();
        }
    }
}
