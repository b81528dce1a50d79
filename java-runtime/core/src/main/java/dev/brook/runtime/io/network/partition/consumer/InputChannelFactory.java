package dev.brook.runtime.io.network.partition.consumer;

import dev.brook.runtime.deployment.TaskDeploymentDescriptor;
import dev.brook.runtime.io.network.partition.ResultPartitionManager;

/**
 * Creates the channel that reads one producer subpartition. A TaskManager decides by where the
 * producer runs: in this JVM a {@link LocalInputChannel}, on another TaskManager a network channel.
 */
@FunctionalInterface
public interface InputChannelFactory {

    InputChannel create(
            SingleInputGate gate,
            int channelIndex,
            TaskDeploymentDescriptor.InputChannel descriptor);

    /** Every producer runs in this JVM (the MiniCluster). */
    static InputChannelFactory local(ResultPartitionManager partitionManager) {
        return (gate, channelIndex, descriptor) ->
                new LocalInputChannel(
                        gate,
                        channelIndex,
                        partitionManager,
                        descriptor.partitionId(),
                        descriptor.subpartitionIndex());
    }
}
