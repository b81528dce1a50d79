package dev.brook.runtime.io.network.netty;

import dev.brook.runtime.clusterframework.ResourceID;
import dev.brook.runtime.deployment.TaskDeploymentDescriptor;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.io.network.buffer.LocalBufferPool;
import dev.brook.runtime.io.network.buffer.NetworkBufferPool;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.runtime.io.network.partition.ResultPartitionID;
import dev.brook.runtime.io.network.partition.ResultPartitionManager;
import dev.brook.runtime.io.network.partition.consumer.InputChannel;
import dev.brook.runtime.io.network.partition.consumer.InputChannelFactory;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import dev.brook.runtime.jobgraph.IntermediateDataSetID;
import dev.brook.runtime.jobgraph.JobVertexID;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import java.io.IOException;

/**
 * The network side of one TaskManager, as the shuffle tests need it: its own network memory,
 * partition manager and {@link NettyShuffleEnvironment} on loopback. Two of them in one JVM talk
 * over real TCP sockets.
 */
final class TestTaskManager implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    final ResourceID id;
    final NetworkBufferPool networkBuffers;
    final ResultPartitionManager partitions = new ResultPartitionManager();
    final NettyShuffleEnvironment shuffle;
    private final InputChannelFactory channels;

    TestTaskManager(String name, NettyShuffleConfig config, int segments, int segmentSize)
            throws IOException {
        this.id = new ResourceID(name);
        this.networkBuffers = new NetworkBufferPool(segments, segmentSize);
        this.shuffle = new NettyShuffleEnvironment(config, partitions, networkBuffers);
        this.channels = shuffle.inputChannelFactory(id);
    }

    TestTaskManager(String name, int segmentSize) throws IOException {
        this(name, NettyShuffleConfig.of(LOOPBACK, 0), 256, segmentSize);
    }

    TaskManagerLocation location() {
        return new TaskManagerLocation(id, LOOPBACK, shuffle.getDataPort());
    }

    static ResultPartitionID partitionId(String name) {
        return new ResultPartitionID(
                new IntermediateDataSetID(name),
                new ExecutionAttemptID(new JobVertexID(name), 0, 0));
    }

    /** Registers a partition produced here, with a pool of {@code minBuffers..maxBuffers}. */
    ResultPartition produce(
            ResultPartitionID id, int subpartitions, int minBuffers, int maxBuffers) {
        ResultPartition partition =
                new ResultPartition(
                        id,
                        subpartitions,
                        new LocalBufferPool(networkBuffers, minBuffers, maxBuffers, id.toString()),
                        partitions);
        partitions.register(partition);
        return partition;
    }

    /**
     * An input gate here reading {@code subpartitions} of partition {@code id} at {@code producer},
     * channel i reading subpartition i, with its partitions requested.
     */
    SingleInputGate consume(TaskManagerLocation producer, ResultPartitionID id, int subpartitions)
            throws IOException, InterruptedException {
        SingleInputGate gate = new SingleInputGate("consumer on " + this.id, 0);
        InputChannel[] gateChannels = new InputChannel[subpartitions];
        for (int i = 0; i < subpartitions; i++) {
            gateChannels[i] =
                    channels.create(
                            gate, i, new TaskDeploymentDescriptor.InputChannel(id, i, producer));
        }
        gate.setChannels(gateChannels);
        gate.requestPartitions();
        return gate;
    }

    @Override
    public void close() {
        shuffle.close();
    }
}
