package dev.brook.runtime.jobgraph;

import java.io.Serializable;

/**
 * An input of a job vertex: the data set it reads, the vertex producing it, how subtasks connect,
 * and (for plans) the name of the partitioning.
 */
public record JobEdge(
        IntermediateDataSetID dataSetId,
        JobVertexID source,
        DistributionPattern pattern,
        String shipStrategy)
        implements Serializable {}
