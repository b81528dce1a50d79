package dev.brook.runtime.jobgraph;

import dev.brook.runtime.operators.coordination.OperatorCoordinatorProvider;
import java.io.Serializable;
import java.util.List;

/**
 * A vertex of the physical plan: one operator chain run by {@code parallelism} subtasks.
 *
 * @param taskConfig the serialized {@link TaskConfig}
 * @param inputs input edges, one input gate each, in gate order
 * @param producedDataSets one per outgoing edge, in partition order
 * @param coordinators coordinators to run in the JobMaster (one per source in the chain)
 * @param operatorIds the ids of the chain's operators, head first (state is matched by them)
 */
public record JobVertex(
        JobVertexID id,
        String name,
        int parallelism,
        int maxParallelism,
        String slotSharingGroup,
        byte[] taskConfig,
        List<JobEdge> inputs,
        List<IntermediateDataSetID> producedDataSets,
        List<OperatorCoordinatorProvider> coordinators,
        List<String> operatorIds)
        implements Serializable {

    public boolean isInputVertex() {
        return inputs.isEmpty();
    }

    @Override
    public String toString() {
        return name + " (" + id + ", parallelism " + parallelism + ")";
    }
}
