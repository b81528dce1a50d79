package dev.brook.streaming.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.metrics.SimpleCounter;
import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import dev.brook.runtime.checkpoint.CheckpointType;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.io.network.buffer.LocalBufferPool;
import dev.brook.runtime.io.network.buffer.NetworkBufferPool;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.runtime.io.network.partition.ResultPartitionID;
import dev.brook.runtime.io.network.partition.ResultPartitionManager;
import dev.brook.runtime.io.network.partition.consumer.InputChannel;
import dev.brook.runtime.io.network.partition.consumer.LocalInputChannel;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import dev.brook.runtime.jobgraph.IntermediateDataSetID;
import dev.brook.runtime.jobgraph.JobVertexID;
import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.streamrecord.CheckpointBarrier;
import dev.brook.streaming.runtime.streamrecord.EndOfPartition;
import dev.brook.streaming.runtime.streamrecord.StreamElement;
import dev.brook.streaming.runtime.streamrecord.StreamElementSerializer;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Barrier alignment over real partitions and channels: two producers feed one gate; the processor
 * takes the snapshot when both barriers are in. Exactly-once holds back what follows a barrier on
 * one channel until the other's barrier arrives; at-least-once does not; an ended channel counts as
 * arrived.
 */
class CheckpointBarrierAlignmentTest {

    private static final TypeSerializer<Integer> INTS = Types.INT.createSerializer();

    private final NetworkBufferPool buffers = new NetworkBufferPool(64, 4096);
    private final ResultPartitionManager partitions = new ResultPartitionManager();
    private final List<String> events = new ArrayList<>();
    private final ResultPartition a = partition(0);
    private final ResultPartition b = partition(1);
    private NetworkInputProcessor processor;

    private ResultPartition partition(int index) {
        ResultPartition p =
                new ResultPartition(
                        new ResultPartitionID(
                                new IntermediateDataSetID("ds-" + index),
                                new ExecutionAttemptID(JobVertexID.generate(), index, 0)),
                        1,
                        new LocalBufferPool(buffers, 2, 8, "producer " + index),
                        partitions);
        partitions.register(p);
        return p;
    }

    private void open(boolean exactlyOnce) throws Exception {
        SingleInputGate gate = new SingleInputGate("consumer", 0);
        gate.setChannels(
                new InputChannel[] {
                    new LocalInputChannel(gate, 0, partitions, a.getId(), 0),
                    new LocalInputChannel(gate, 1, partitions, b.getId(), 0)
                });
        gate.requestPartitions();
        GateReader reader = new GateReader(gate, 0, 0, new StreamElementSerializer<>(INTS));
        processor =
                new NetworkInputProcessor(
                        new GateReader[] {reader},
                        new Input<?>[] {new Recording()},
                        new int[] {2},
                        null,
                        exactlyOnce,
                        barrier -> events.add("snapshot " + barrier.checkpointId()),
                        new SimpleCounter());
    }

    @AfterEach
    void close() {
        if (processor != null) {
            processor.close();
        }
    }

    private final class Recording implements Input<Object> {
        @Override
        public void processElement(StreamRecord<Object> element) {
            events.add(String.valueOf(element.getValue()));
        }

        @Override
        public void processWatermark(Watermark mark) {}

        @Override
        public void processWatermarkStatus(WatermarkStatus status) {}

        @Override
        public void setKeyContextElement(StreamRecord<Object> record) {}

        @Override
        public boolean isKeyed() {
            return false;
        }
    }

    private static void write(ResultPartition p, Object... elements) throws Exception {
        StreamElementSerializer<Integer> serializer = new StreamElementSerializer<>(INTS);
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (Object e : elements) {
            out.clear();
            if (e instanceof Integer i) {
                serializer.serializeRecord(new StreamRecord<>(i), out);
            } else {
                StreamElementSerializer.serializeEvent((StreamElement) e, out);
            }
            p.broadcast(out.getSharedBuffer(), out.length());
        }
        p.flushAll();
    }

    private static CheckpointBarrier barrier(long id) {
        return new CheckpointBarrier(
                id, 0, CheckpointType.CHECKPOINT, CheckpointStorageLocation.IN_MEMORY);
    }

    private void drain() throws Exception {
        for (int step = 0; step < 1000; step++) {
            if (processor.processInput() != DataInputStatus.MORE_AVAILABLE) {
                return;
            }
        }
        throw new AssertionError("input does not end: " + events);
    }

    @Test
    void exactlyOnceHoldsBackWhatFollowsABarrierUntilAllBarriersAreIn() throws Exception {
        open(true);
        write(a, 1, 2, barrier(1), 3, 4);
        write(b, 10, 11);
        drain();
        // a's records after its barrier wait: b has not delivered its barrier yet.
        assertThat(events).containsExactlyInAnyOrder("1", "2", "10", "11");

        write(b, 12, barrier(1), 13);
        drain();
        int snapshot = events.indexOf("snapshot 1");
        assertThat(events.subList(0, snapshot))
                .containsExactlyInAnyOrder("1", "2", "10", "11", "12");
        assertThat(events.subList(snapshot + 1, events.size()))
                .containsExactlyInAnyOrder("3", "4", "13");
        // Held-back records keep their order.
        assertThat(events.indexOf("3")).isLessThan(events.indexOf("4"));
    }

    @Test
    void atLeastOnceDoesNotBlockAChannel() throws Exception {
        open(false);
        write(a, 1, barrier(1), 2, 3);
        write(b, 10);
        drain();
        assertThat(events).containsExactlyInAnyOrder("1", "2", "3", "10");

        write(b, barrier(1), 11);
        drain();
        assertThat(events).contains("snapshot 1").endsWith("11");
    }

    @Test
    void anEndedChannelCountsAsArrived() throws Exception {
        open(true);
        write(a, 1, barrier(1), 2);
        write(b, 10, EndOfPartition.INSTANCE);
        drain();
        assertThat(events).containsExactly("1", "10", "snapshot 1", "2");
    }

    @Test
    void aNewerBarrierReleasesAnAlignmentThatCannotComplete() throws Exception {
        open(true);
        write(a, 1, barrier(1), 2);
        write(b, 10, barrier(2), 11);
        drain();
        // Checkpoint 1 is given up: a's held-back record is released, and 2 aligns.
        write(a, barrier(2), 3);
        drain();
        assertThat(events)
                .contains("1", "10", "2", "11", "3", "snapshot 2")
                .doesNotContain("snapshot 1");
        assertThat(events.indexOf("snapshot 2")).isLessThan(events.indexOf("3"));
    }

    @Test
    void aTaskTriggeredAtEndOfInputSnapshotsAfterItsLastRecord() throws Exception {
        open(true);
        write(a, 1, 2, EndOfPartition.INSTANCE);
        write(b, 10);
        processor.triggerCheckpointAtEndOfInput(barrier(5));
        drain();
        assertThat(events).doesNotContain("snapshot 5");

        write(b, 11, EndOfPartition.INSTANCE);
        drain();
        assertThat(events).endsWith("snapshot 5").contains("1", "2", "10", "11");
    }
}
