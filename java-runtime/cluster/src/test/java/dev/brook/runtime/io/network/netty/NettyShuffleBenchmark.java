package dev.brook.runtime.io.network.netty;

import dev.brook.runtime.io.network.buffer.Buffer;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.runtime.io.network.partition.ResultPartitionID;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import java.util.concurrent.CompletableFuture;

/**
 * Throughput of the Netty shuffle over loopback: a producer thread on TaskManager A writes 1 KiB
 * records into a partition, and the main thread on TaskManager B reads the buffers and recycles
 * them, so the figure is the transport's (copies, framing, credit round trips), not
 * serialization's. 32 KiB segments and producer pools sized as a task sizes them.
 *
 * <p>Not a test: run with {@code java -cp <test classpath>
 * dev.brook.runtime.io.network.netty.NettyShuffleBenchmark [GiB per run]} (default 2).
 */
public final class NettyShuffleBenchmark {

    private static final int SEGMENT = 32 * 1024;
    private static final int RECORD = 1024;

    private NettyShuffleBenchmark() {}

    public static void main(String[] args) throws Exception {
        long bytes = (long) (Double.parseDouble(args.length > 0 ? args[0] : "2") * (1L << 30));
        run("warm-up", bytes / 8, 1, 2);
        run("1 channel, 2 buffers per channel (default)", bytes, 1, 2);
        run("1 channel, 8 buffers per channel", bytes, 1, 8);
        run("4 channels on one connection, 2 buffers each", bytes, 4, 2);
    }

    private static void run(String name, long bytes, int channels, int buffersPerChannel)
            throws Exception {
        NettyShuffleConfig config =
                NettyShuffleConfig.of(TestTaskManager.LOOPBACK, 0)
                        .withBuffersPerChannel(buffersPerChannel);
        try (TestTaskManager a = new TestTaskManager("A", config, 1024, SEGMENT);
                TestTaskManager b = new TestTaskManager("B", config, 1024, SEGMENT)) {
            ResultPartitionID id = TestTaskManager.partitionId("benchmark");
            ResultPartition partition = a.produce(id, channels, channels + 1, 2 * channels + 8);
            SingleInputGate gate = b.consume(a.location(), id, channels);
            long records = bytes / (RECORD + 4);
            long expected = records * (RECORD + 4);
            byte[] record = ShuffleStreams.record(0, 0, RECORD);

            long start = System.nanoTime();
            CompletableFuture<Void> producing =
                    CompletableFuture.runAsync(
                            () -> {
                                try {
                                    for (long i = 0; i < records; i++) {
                                        partition.emit(record, RECORD, (int) (i % channels));
                                    }
                                    partition.flushAll();
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            long received = 0;
            while (received < expected) {
                Buffer buffer = ShuffleStreams.nextBuffer(gate);
                received += buffer.size();
                buffer.recycle();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            producing.get();
            gate.release();
            System.out.printf(
                    "%-48s %6.2f GiB in %6.2f s: %7.0f MiB/s%n",
                    name, expected / (double) (1L << 30), seconds, expected / seconds / (1 << 20));
        }
    }
}
