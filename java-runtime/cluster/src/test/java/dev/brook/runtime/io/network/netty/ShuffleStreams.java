package dev.brook.runtime.io.network.netty;

import dev.brook.runtime.io.network.buffer.Buffer;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntBinaryOperator;

/**
 * Test data for the shuffle: deterministic records written into a partition, and the byte stream a
 * consumer must see per channel. A partition writes each record as a 4-byte length and the payload,
 * and a consumer that concatenates the buffers of one channel gets exactly those bytes back, so
 * comparing the streams checks content, order and completeness at once.
 */
final class ShuffleStreams {

    private ShuffleStreams() {}

    /** Record {@code index} of {@code subpartition}, {@code length} bytes. */
    static byte[] record(int subpartition, int index, int length) {
        byte[] data = new byte[length];
        int x = subpartition * 1_000_003 + index * 7919 + 1;
        for (int i = 0; i < length; i++) {
            x = x * 1_103_515_245 + 12_345;
            data[i] = (byte) (x >>> 24);
        }
        return data;
    }

    /**
     * Emits {@code records} records to each subpartition, interleaved, then flushes; {@code
     * lengthOf} gives the length of record (subpartition, index).
     */
    static void produce(ResultPartition partition, int records, IntBinaryOperator lengthOf)
            throws InterruptedException {
        for (int i = 0; i < records; i++) {
            for (int s = 0; s < partition.getNumberOfSubpartitions(); s++) {
                byte[] r = record(s, i, lengthOf.applyAsInt(s, i));
                partition.emit(r, r.length, s);
            }
        }
        partition.flushAll();
    }

    /** The bytes channel {@code subpartition} must deliver for what {@link #produce} writes. */
    static byte[] expectedStream(int subpartition, int records, IntBinaryOperator lengthOf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < records; i++) {
            int length = lengthOf.applyAsInt(subpartition, i);
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            out.writeBytes(record(subpartition, i, length));
        }
        return out.toByteArray();
    }

    /**
     * Reads the gate, recycling every buffer, until channel i has delivered {@code
     * bytesPerChannel[i]} bytes; returns what each delivered.
     */
    static byte[][] readAll(SingleInputGate gate, int... bytesPerChannel)
            throws IOException, InterruptedException, ExecutionException {
        ByteArrayOutputStream[] received = new ByteArrayOutputStream[bytesPerChannel.length];
        long missing = 0;
        for (int i = 0; i < received.length; i++) {
            received[i] = new ByteArrayOutputStream();
            missing += bytesPerChannel[i];
        }
        while (missing > 0) {
            Buffer buffer = nextBuffer(gate);
            int channel = gate.lastChannel().getChannelIndex();
            received[channel].write(buffer.memory(), 0, buffer.size());
            missing -= buffer.size();
            buffer.recycle();
        }
        byte[][] result = new byte[received.length][];
        for (int i = 0; i < received.length; i++) {
            result[i] = received[i].toByteArray();
        }
        return result;
    }

    /** {@link #readAll(SingleInputGate, int...)} as many bytes as {@code expected} holds. */
    static byte[][] readAll(SingleInputGate gate, byte[][] expected)
            throws IOException, InterruptedException, ExecutionException {
        int[] lengths = new int[expected.length];
        for (int i = 0; i < expected.length; i++) {
            lengths[i] = expected[i].length;
        }
        return readAll(gate, lengths);
    }

    /** The gate's next buffer, waiting for one. */
    static Buffer nextBuffer(SingleInputGate gate)
            throws IOException, InterruptedException, ExecutionException {
        while (true) {
            Buffer buffer = gate.pollNext();
            if (buffer != null) {
                return buffer;
            }
            gate.getAvailableFuture().get();
        }
    }

    /**
     * Waits until {@code condition} holds, for at most ten seconds; false if it never did. For
     * state that another thread reaches, and no event announces.
     */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
}
