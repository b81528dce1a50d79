package dev.brook.api.connector.sink2;

import dev.brook.api.common.JobInfo;
import dev.brook.api.common.TaskInfo;
import java.util.OptionalLong;

/** What a sink component learns about where it runs. */
public interface InitContext {
    TaskInfo getTaskInfo();

    JobInfo getJobInfo();

    /** Shorthand for {@code getTaskInfo().getIndexOfThisSubtask()}. */
    default int getSubtaskId() {
        return getTaskInfo().getIndexOfThisSubtask();
    }

    /** The checkpoint the job was restored from, or empty on a fresh start. */
    default OptionalLong getRestoredCheckpointId() {
        return OptionalLong.empty();
    }

    /**
     * Whether the job takes checkpoints in STREAMING mode. Without them, two-phase sinks commit
     * what they write as soon as it is complete (Brook's extension of Flink's interface).
     */
    default boolean isCheckpointingEnabled() {
        return false;
    }

    /** Shorthand for {@code getTaskInfo().getNumberOfParallelSubtasks()}. */
    default int getNumberOfParallelSubtasks() {
        return getTaskInfo().getNumberOfParallelSubtasks();
    }
}
