package dev.brook.runtime.io.network.partition.consumer;

import dev.brook.runtime.io.network.buffer.Buffer;
import dev.brook.runtime.io.network.partition.PartitionNotFoundException;
import dev.brook.runtime.io.network.partition.ResultPartitionID;
import dev.brook.runtime.io.network.partition.ResultPartitionManager;
import dev.brook.runtime.io.network.partition.ResultSubpartitionView;
import java.io.IOException;

/**
 * Reads a subpartition produced in the same JVM by taking the producer's buffers directly: no copy,
 * no serialization beyond what the producer already did.
 */
public final class LocalInputChannel extends InputChannel {

    /** How long a consumer waits for a producer that has not registered its partition yet. */
    private static final long PARTITION_REQUEST_TIMEOUT_MS = 30_000;

    private final ResultPartitionManager partitionManager;
    private final ResultPartitionID partitionId;
    private final int subpartitionIndex;
    private volatile ResultSubpartitionView view;

    public LocalInputChannel(
            SingleInputGate gate,
            int channelIndex,
            ResultPartitionManager partitionManager,
            ResultPartitionID partitionId,
            int subpartitionIndex) {
        super(gate, channelIndex);
        this.partitionManager = partitionManager;
        this.partitionId = partitionId;
        this.subpartitionIndex = subpartitionIndex;
    }

    @Override
    public void requestSubpartition() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PARTITION_REQUEST_TIMEOUT_MS * 1_000_000;
        long backoffMs = 1;
        while (true) {
            try {
                view =
                        partitionManager.createSubpartitionView(
                                partitionId, subpartitionIndex, this::notifyChannelNonEmpty);
                return;
            } catch (PartitionNotFoundException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(
                            "The upstream task did not come up within "
                                    + PARTITION_REQUEST_TIMEOUT_MS
                                    + " ms: "
                                    + e.getMessage(),
                            e);
                }
                Thread.sleep(backoffMs);
                backoffMs = Math.min(100, backoffMs * 2);
            }
        }
    }

    @Override
    public Buffer pollBuffer() {
        ResultSubpartitionView v = view;
        return v == null ? null : v.poll();
    }

    @Override
    public boolean hasBuffers() {
        ResultSubpartitionView v = view;
        return v != null && v.hasBuffers();
    }

    @Override
    public void release() {
        ResultSubpartitionView v = view;
        if (v != null) {
            v.release();
        }
    }
}
