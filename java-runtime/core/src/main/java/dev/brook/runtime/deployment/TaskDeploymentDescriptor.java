package dev.brook.runtime.deployment;

import dev.brook.api.common.JobID;
import dev.brook.configuration.Configuration;
import dev.brook.runtime.checkpoint.TaskRestore;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.io.network.partition.ResultPartitionID;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a TaskManager needs to start one execution attempt: what to run, where its input comes
 * from, what it produces, and the checkpointed state it starts from ({@code restore}, null for a
 * fresh start).
 */
public record TaskDeploymentDescriptor(
        JobID jobId,
        String jobName,
        ExecutionAttemptID attemptId,
        String taskName,
        int parallelism,
        int maxParallelism,
        byte[] taskConfig,
        List<ProducedPartition> producedPartitions,
        List<InputGate> inputGates,
        Configuration jobConfiguration,
        TaskRestore restore)
        implements Serializable {

    /** A partition this task produces, with one subpartition per consuming channel. */
    public record ProducedPartition(ResultPartitionID id, int numberOfSubpartitions)
            implements Serializable {}

    /** An input gate: the producer subpartitions it reads, in channel order. */
    public record InputGate(List<InputChannel> channels) implements Serializable {}

    /** One channel: a subpartition of a producer's partition, and where the producer runs. */
    public record InputChannel(
            ResultPartitionID partitionId,
            int subpartitionIndex,
            TaskManagerLocation producerLocation)
            implements Serializable {}
}
