package dev.brook.runtime.io.network.partition;

import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.jobgraph.IntermediateDataSetID;
import java.io.Serializable;

/** The output of one producer attempt for one data set. */
public record ResultPartitionID(IntermediateDataSetID dataSetId, ExecutionAttemptID producer)
        implements Serializable {}
