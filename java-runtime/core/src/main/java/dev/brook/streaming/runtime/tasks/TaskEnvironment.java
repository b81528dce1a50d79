package dev.brook.streaming.runtime.tasks;

import dev.brook.api.common.JobInfo;
import dev.brook.configuration.Configuration;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import dev.brook.runtime.jobgraph.TaskConfig;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.taskmanager.SubtaskInfo;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the TaskManager gives a {@link StreamTask}: its place in the job, its chain, its network
 * inputs and outputs, and shared services.
 *
 * @param operatorEvents sends (operator id, event) to the operator's coordinator
 */
public record TaskEnvironment(
        SubtaskInfo taskInfo,
        JobInfo jobInfo,
        ClassLoader userCodeClassLoader,
        TaskConfig config,
        SingleInputGate[] inputGates,
        ResultPartition[] partitions,
        KeyGroupRange keyGroupRange,
        int maxParallelism,
        ScheduledExecutorService timerScheduler,
        Configuration jobConfiguration,
        OperatorEventSender operatorEvents) {

    /** Sends an operator event to the JobMaster. */
    @FunctionalInterface
    public interface OperatorEventSender {
        void send(String operatorId, OperatorEvent event);
    }
}
