package dev.brook.runtime.resourcemanager;

import dev.brook.runtime.taskexecutor.TaskExecutorGateway;

/** A slot handed to a job: the TaskManager and the slot's index on it. */
public record SlotAssignment(TaskExecutorGateway taskExecutor, int slotIndex) {}
