package dev.brook.streaming.runtime.tasks;

import dev.brook.api.common.TaskInfo;

/** The task info a function sees: the subtask's facts, named after the function's operator. */
record OperatorTaskInfo(TaskInfo task, String operatorName) implements TaskInfo {
    @Override
    public String getTaskName() {
        return operatorName;
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return task.getMaxNumberOfParallelSubtasks();
    }

    @Override
    public int getIndexOfThisSubtask() {
        return task.getIndexOfThisSubtask();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return task.getNumberOfParallelSubtasks();
    }

    @Override
    public int getAttemptNumber() {
        return task.getAttemptNumber();
    }

    @Override
    public String getTaskNameWithSubtasks() {
        return operatorName
                + " ("
                + (getIndexOfThisSubtask() + 1)
                + "/"
                + getNumberOfParallelSubtasks()
                + ")#"
                + getAttemptNumber();
    }
}
