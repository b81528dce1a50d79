package dev.brook.runtime.taskmanager;

import dev.brook.api.common.TaskInfo;

/** The facts of one parallel subtask, as its functions see them. */
public record SubtaskInfo(
        String getTaskName,
        int getMaxNumberOfParallelSubtasks,
        int getIndexOfThisSubtask,
        int getNumberOfParallelSubtasks,
        int getAttemptNumber)
        implements TaskInfo {

    /** The same subtask under another name (each operator of a chain has its own). */
    public SubtaskInfo withTaskName(String taskName) {
        return new SubtaskInfo(
                taskName,
                getMaxNumberOfParallelSubtasks,
                getIndexOfThisSubtask,
                getNumberOfParallelSubtasks,
                getAttemptNumber);
    }

    @Override
    public String getTaskNameWithSubtasks() {
        return getTaskName
                + " ("
                + (getIndexOfThisSubtask + 1)
                + "/"
                + getNumberOfParallelSubtasks
                + ")#"
                + getAttemptNumber;
    }
}
