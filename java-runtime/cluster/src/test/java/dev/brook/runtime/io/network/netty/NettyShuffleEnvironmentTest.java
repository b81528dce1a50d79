package dev.brook.runtime.io.network.netty;

import static dev.brook.runtime.io.network.netty.ShuffleStreams.eventually;
import static dev.brook.runtime.io.network.netty.ShuffleStreams.expectedStream;
import static dev.brook.runtime.io.network.netty.ShuffleStreams.nextBuffer;
import static dev.brook.runtime.io.network.netty.ShuffleStreams.produce;
import static dev.brook.runtime.io.network.netty.ShuffleStreams.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.runtime.io.network.buffer.Buffer;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.runtime.io.network.partition.ResultPartitionID;
import dev.brook.runtime.io.network.partition.consumer.LocalInputChannel;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two TaskManagers in one JVM, each with its own network memory, partitions and Netty shuffle on
 * loopback: records produced on TaskManager A are read on TaskManager B over real TCP.
 */
class NettyShuffleEnvironmentTest {

    private static final int SEGMENT = 4096;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ExecutorService producerThreads = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() throws Exception {
        producerThreads.shutdownNow();
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private TestTaskManager taskManager(String name, NettyShuffleConfig config) throws IOException {
        TestTaskManager tm = new TestTaskManager(name, config, 256, SEGMENT);
        toClose.add(tm);
        return tm;
    }

    private TestTaskManager taskManager(String name) throws IOException {
        return taskManager(name, NettyShuffleConfig.of(TestTaskManager.LOOPBACK, 0));
    }

    private CompletableFuture<Void> startProducing(
            ResultPartition partition, int records, IntBinaryOperator lengthOf) {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        produce(partition, records, lengthOf);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                },
                producerThreads);
    }

    private static void assertStreams(byte[][] received, byte[][] expected) {
        for (int c = 0; c < expected.length; c++) {
            assertThat(received[c].length)
                    .as("bytes of channel %d", c)
                    .isEqualTo(expected[c].length);
            assertThat(Arrays.mismatch(received[c], expected[c]))
                    .as("first differing byte of channel %d", c)
                    .isEqualTo(-1);
        }
    }

    @Test
    void recordsArriveInOrderAndByteExactOverOneSharedConnection() throws Exception {
        TestTaskManager a = taskManager("A");
        TestTaskManager b = taskManager("B");
        int subpartitions = 4;
        int records = 1500;
        // From empty to several segments, so records straddle buffers.
        IntBinaryOperator lengthOf = (s, i) -> (i * 37 + s * 11) % (3 * SEGMENT);
        ResultPartitionID id = TestTaskManager.partitionId("map-to-reduce");
        ResultPartition partition = a.produce(id, subpartitions, subpartitions + 1, 16);

        SingleInputGate gate = b.consume(a.location(), id, subpartitions);
        CompletableFuture<Void> producing = startProducing(partition, records, lengthOf);
        byte[][] expected = new byte[subpartitions][];
        for (int s = 0; s < subpartitions; s++) {
            expected[s] = expectedStream(s, records, lengthOf);
        }
        byte[][] received = readAll(gate, expected);
        producing.get();
        // As the producer's task does when it finishes.
        partition.onProducerFinished();

        assertStreams(received, expected);
        assertThat(gate.getChannel(0)).isInstanceOf(RemoteInputChannel.class);
        assertThat(b.shuffle.numberOfConnections()).isEqualTo(1);
        assertThat(gate.pollNext()).isNull();

        gate.release();
        assertThat(b.networkBuffers.getReservedSegments()).isZero();
        assertThat(eventually(() -> a.partitions.numberOfRegisteredPartitions() == 0)).isTrue();
        assertThat(a.networkBuffers.getReservedSegments()).isZero();
    }

    @Test
    void producerOnTheSameTaskManagerIsReadLocally() throws Exception {
        TestTaskManager a = taskManager("A");
        ResultPartitionID id = TestTaskManager.partitionId("local");
        ResultPartition partition = a.produce(id, 1, 2, 4);
        SingleInputGate gate = a.consume(a.location(), id, 1);
        produce(partition, 10, (s, i) -> 100);

        byte[][] expected = {expectedStream(0, 10, (s, i) -> 100)};
        assertStreams(readAll(gate, expected), expected);
        assertThat(gate.getChannel(0)).isInstanceOf(LocalInputChannel.class);
        assertThat(a.shuffle.numberOfConnections()).isZero();
        gate.release();
    }

    @Test
    void consumerThatDoesNotReadStopsTheProducerAfterItsCredit() throws Exception {
        int credit = 2;
        int producerBuffers = 4;
        TestTaskManager a = taskManager("A");
        TestTaskManager b =
                taskManager(
                        "B",
                        NettyShuffleConfig.of(TestTaskManager.LOOPBACK, 0)
                                .withBuffersPerChannel(credit));
        ResultPartitionID id = TestTaskManager.partitionId("slow-consumer");
        ResultPartition partition = a.produce(id, 1, 2, producerBuffers);
        SingleInputGate gate = b.consume(a.location(), id, 1);

        // Each record fills exactly one buffer.
        int records = 40;
        IntBinaryOperator lengthOf = (s, i) -> SEGMENT - 4;
        AtomicInteger emitted = new AtomicInteger();
        Thread[] producer = new Thread[1];
        CompletableFuture<Void> producing =
                CompletableFuture.runAsync(
                        () -> {
                            producer[0] = Thread.currentThread();
                            try {
                                for (int i = 0; i < records; i++) {
                                    byte[] r = ShuffleStreams.record(0, i, SEGMENT - 4);
                                    partition.emit(r, r.length, 0);
                                    emitted.incrementAndGet();
                                }
                                partition.flushAll();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        producerThreads);

        // The consumer takes its buffers but does not recycle them: no credit goes back.
        List<Buffer> held = new ArrayList<>();
        for (int i = 0; i < credit; i++) {
            held.add(nextBuffer(gate));
        }
        // The producer fills its pool (one open buffer, the rest queued) and then waits.
        boolean blocked =
                eventually(
                        () ->
                                emitted.get() >= credit + producerBuffers
                                        && producer[0].getState() == Thread.State.WAITING);
        assertThat(blocked).as("producer blocked").isTrue();
        assertThat(emitted.get()).isEqualTo(credit + producerBuffers);
        assertThat(partition.isAvailable()).as("producer pool has a free buffer").isFalse();
        assertThat(gate.pollNext()).as("a buffer beyond the consumer's credit").isNull();
        assertThat(producing).isNotDone();

        // Reading again releases the producer, and nothing is lost.
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (Buffer buffer : held) {
            stream.write(buffer.memory(), 0, buffer.size());
            buffer.recycle();
        }
        byte[] expected = expectedStream(0, records, lengthOf);
        byte[] rest = readAll(gate, expected.length - stream.size())[0];
        producing.get();
        stream.writeBytes(rest);
        assertStreams(new byte[][] {stream.toByteArray()}, new byte[][] {expected});
        gate.release();
    }

    @Test
    void consumerThatAsksBeforeTheProducerRegistersWaitsForIt() throws Exception {
        TestTaskManager a = taskManager("A");
        TestTaskManager b = taskManager("B");
        ResultPartitionID id = TestTaskManager.partitionId("late");
        SingleInputGate gate = b.consume(a.location(), id, 1);
        RemoteInputChannel channel = (RemoteInputChannel) gate.getChannel(0);

        // Turned away at least once before the producer comes up.
        assertThat(eventually(() -> channel.partitionRequests() >= 2)).isTrue();
        ResultPartition partition = a.produce(id, 1, 2, 4);
        CompletableFuture<Void> producing = startProducing(partition, 100, (s, i) -> 500);

        byte[][] expected = {expectedStream(0, 100, (s, i) -> 500)};
        assertStreams(readAll(gate, expected), expected);
        producing.get();
        gate.release();
    }

    @Test
    void missingProducerFailsAfterTheTimeoutNamingAddressAndPartition() throws Exception {
        TestTaskManager a = taskManager("A");
        TestTaskManager b =
                taskManager(
                        "B",
                        NettyShuffleConfig.of(TestTaskManager.LOOPBACK, 0)
                                .withPartitionRequestTimeout(Duration.ofMillis(200)));
        ResultPartitionID id = TestTaskManager.partitionId("never");
        SingleInputGate gate = b.consume(a.location(), id, 1);

        gate.getAvailableFuture().get();
        assertThatThrownBy(gate::pollNext)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("127.0.0.1:" + a.shuffle.getDataPort())
                .hasMessageContaining(id.toString())
                .hasMessageContaining("200 ms");
        gate.release();
        assertThat(b.networkBuffers.getReservedSegments()).isZero();
    }

    @Test
    void wrongSubpartitionFailsWithTheProducersReason() throws Exception {
        TestTaskManager a = taskManager("A");
        TestTaskManager b = taskManager("B");
        ResultPartitionID id = TestTaskManager.partitionId("two-subpartitions");
        a.produce(id, 2, 3, 4);
        // Channel 2 asks for subpartition 2, which does not exist.
        SingleInputGate gate = b.consume(a.location(), id, 3);

        gate.getAvailableFuture().get();
        assertThatThrownBy(gate::pollNext)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("127.0.0.1:" + a.shuffle.getDataPort())
                .hasMessageContaining("Subpartition 2 of " + id + " does not exist");
        gate.release();
    }

    @Test
    void deathOfTheProducingTaskManagerFailsTheConsumerInsteadOfHangingIt() throws Exception {
        TestTaskManager a = taskManager("A");
        TestTaskManager b = taskManager("B");
        ResultPartitionID id = TestTaskManager.partitionId("dies");
        ResultPartition partition = a.produce(id, 1, 2, 4);
        SingleInputGate gate = b.consume(a.location(), id, 1);
        produce(partition, 10, (s, i) -> 100);
        nextBuffer(gate).recycle();
        String producer = "127.0.0.1:" + a.shuffle.getDataPort();

        a.close();

        assertThatThrownBy(
                        () -> {
                            while (true) {
                                nextBuffer(gate).recycle();
                            }
                        })
                .isInstanceOf(IOException.class)
                .hasMessageContaining(producer)
                .hasMessageContaining(id.toString());
        gate.release();
        assertThat(b.networkBuffers.getReservedSegments()).isZero();
    }

    @Test
    void releaseCancelsTheProducersView() throws Exception {
        TestTaskManager a = taskManager("A");
        TestTaskManager b = taskManager("B");
        ResultPartitionID id = TestTaskManager.partitionId("released-early");
        ResultPartition partition = a.produce(id, 1, 2, 8);
        SingleInputGate gate = b.consume(a.location(), id, 1);
        // Two buffers go to the consumer, the other four wait at the producer.
        produce(partition, 6, (s, i) -> SEGMENT - 4);
        nextBuffer(gate).recycle();

        gate.release();

        // The view's release unregisters the partition (its only consumer is done).
        assertThat(eventually(() -> a.partitions.numberOfRegisteredPartitions() == 0)).isTrue();
        assertThat(b.networkBuffers.getReservedSegments()).isZero();
        assertThat(b.shuffle.numberOfConnections()).isEqualTo(1);
        // The producer, not yet told, writes on without failing: its records are dropped.
        produce(partition, 20, (s, i) -> SEGMENT - 4);
        // Cancelled, it releases the partition, which returns every buffer to its network memory.
        partition.release();
        assertThat(a.networkBuffers.getReservedSegments()).isZero();
    }
}
