package dev.brook.api.connector.sink2;

import dev.brook.api.common.JobInfo;
import dev.brook.api.common.TaskInfo;

/** What a sink component learns about where it runs. */
public interface InitContext {
    TaskInfo getTaskInfo();

    JobInfo getJobInfo();

    /** Shorthand for {@code getTaskInfo().getIndexOfThisSubtask()}. */
    default int getSubtaskId() {
        return getTaskInfo().getIndexOfThisSubtask();
    }

    /** Shorthand for {@code getTaskInfo().getNumberOfParallelSubtasks()}. */
    default int getNumberOfParallelSubtasks() {
        return getTaskInfo().getNumberOfParallelSubtasks();
    }
}
