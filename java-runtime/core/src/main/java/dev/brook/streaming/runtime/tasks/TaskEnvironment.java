package dev.brook.streaming.runtime.tasks;

import dev.brook.api.common.JobInfo;
import dev.brook.configuration.Configuration;
import dev.brook.runtime.checkpoint.TaskRestore;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import dev.brook.runtime.jobgraph.TaskConfig;
import dev.brook.runtime.metrics.groups.TaskMetricGroup;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.taskmanager.SubtaskInfo;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the TaskManager gives a {@link StreamTask}: its place in the job, its chain, its network
 * inputs and outputs, and shared services.
 *
 * @param operatorEvents sends (operator id, event) to the operator's coordinator
 * @param restore the checkpoint state the task starts from, or null for a fresh start
 * @param checkpointResponder acknowledges and declines checkpoints to the JobMaster
 * @param ioExecutor runs the asynchronous part of checkpoints (writing state)
 * @param tmpDirectory the TaskManager's directory for local files (state backends, sorting)
 * @param metricGroup the subtask's metrics, with a group per operator of the chain
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
        OperatorEventSender operatorEvents,
        TaskRestore restore,
        CheckpointResponder checkpointResponder,
        Executor ioExecutor,
        Path tmpDirectory,
        TaskMetricGroup metricGroup) {

    /** Sends an operator event to the JobMaster. */
    @FunctionalInterface
    public interface OperatorEventSender {
        void send(String operatorId, OperatorEvent event);
    }
}
