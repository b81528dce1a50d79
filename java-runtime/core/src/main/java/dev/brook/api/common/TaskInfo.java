package dev.brook.api.common;

/** Facts about the parallel subtask a function runs in. */
public interface TaskInfo {
    String getTaskName();

    int getMaxNumberOfParallelSubtasks();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getAttemptNumber();

    /** Name with subtask position, e.g. {@code "Map (2/4)#0"}. */
    String getTaskNameWithSubtasks();
}
