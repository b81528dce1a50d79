package dev.brook.runtime.jobgraph;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.runtime.state.StateBackend;
import dev.brook.streaming.runtime.partitioner.StreamPartitioner;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a task needs to run its operator chain. Serialized once when the job graph is built
 * and deserialized by every subtask, which thereby gets its own copy of each user function.
 *
 * @param operators the chain, head first, in topological order
 * @param partitions the task's network outputs, in the order of the vertex's produced data sets
 * @param inputs the task's network inputs, in the order of the vertex's input edges (gates)
 * @param stateBackend creates the keyed state of the chain's keyed operators
 */
public record TaskConfig(
        List<OperatorConfig> operators,
        List<PartitionConfig> partitions,
        List<InputConfig> inputs,
        StateBackend stateBackend)
        implements Serializable {

    /** A network output: how records are partitioned and serialized. */
    public record PartitionConfig(StreamPartitioner<?> partitioner, TypeSerializer<?> serializer)
            implements Serializable {}

    /** A network input: which input (1 or 2) of the head operator it feeds, and its serializer. */
    public record InputConfig(int inputIndex, TypeSerializer<?> serializer)
            implements Serializable {}
}
