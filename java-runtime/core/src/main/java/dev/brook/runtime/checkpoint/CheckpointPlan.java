package dev.brook.runtime.checkpoint;

import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.runtime.taskexecutor.TaskExecutorGateway;
import java.util.List;

/**
 * Which subtasks take part in one checkpoint. Sources, and running tasks whose upstream tasks have
 * all finished, are triggered directly; every running task acknowledges; finished tasks are
 * recorded as finished without taking part.
 */
public record CheckpointPlan(
        List<CheckpointTask> toTrigger,
        List<CheckpointTask> toAcknowledge,
        List<CheckpointTask> finished) {

    /** One subtask's current attempt, its vertex, and the TaskManager that runs it. */
    public record CheckpointTask(
            ExecutionAttemptID attempt, JobVertex vertex, TaskExecutorGateway gateway) {}
}
