package dev.brook.api.common.functions;

import dev.brook.api.common.JobInfo;
import dev.brook.api.common.TaskInfo;
import dev.brook.api.common.state.AggregatingState;
import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.metrics.groups.OperatorMetricGroup;

/**
 * What a running function can learn about and use from its subtask: position, job, metrics and
 * keyed state. Keyed state is available only on a keyed stream; it is scoped to the key of the
 * record being processed.
 */
public interface RuntimeContext {

    TaskInfo getTaskInfo();

    JobInfo getJobInfo();

    ClassLoader getUserCodeClassLoader();

    /** The operator's metric group, where the function registers its own metrics. */
    OperatorMetricGroup getMetricGroup();

    /** Shorthand for {@code getTaskInfo().getIndexOfThisSubtask()}. */
    default int getIndexOfThisSubtask() {
        return getTaskInfo().getIndexOfThisSubtask();
    }

    /** Shorthand for {@code getTaskInfo().getNumberOfParallelSubtasks()}. */
    default int getNumberOfParallelSubtasks() {
        return getTaskInfo().getNumberOfParallelSubtasks();
    }

    <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);

    <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties);

    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties);
}
