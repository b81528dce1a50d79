package dev.brook.streaming.runtime.tasks;

import dev.brook.api.common.JobInfo;
import dev.brook.api.common.TaskInfo;
import dev.brook.api.common.functions.RuntimeContext;
import dev.brook.api.common.state.AggregatingState;
import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.runtime.state.KeyedStateBackend;

/** The {@link RuntimeContext} of the functions of one operator in one subtask. */
public final class StreamingRuntimeContext implements RuntimeContext {

    private final TaskInfo taskInfo;
    private final JobInfo jobInfo;
    private final ClassLoader userCodeClassLoader;
    private final KeyedStateBackend<?> keyedStateBackend;

    public StreamingRuntimeContext(
            TaskInfo taskInfo,
            JobInfo jobInfo,
            ClassLoader userCodeClassLoader,
            KeyedStateBackend<?> keyedStateBackend) {
        this.taskInfo = taskInfo;
        this.jobInfo = jobInfo;
        this.userCodeClassLoader = userCodeClassLoader;
        this.keyedStateBackend = keyedStateBackend;
    }

    @Override
    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    @Override
    public JobInfo getJobInfo() {
        return jobInfo;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    private <S extends State> S keyed(StateDescriptor<S, ?> descriptor) {
        if (keyedStateBackend == null) {
            throw new UnsupportedOperationException(
                    "Keyed state '"
                            + descriptor.getName()
                            + "' can only be used on a keyed stream, i.e. after keyBy(), in '"
                            + taskInfo.getTaskName()
                            + "'.");
        }
        return keyedStateBackend.getOrCreateKeyedState(descriptor);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return keyed(stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return keyed(stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return keyed(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return keyed(stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return keyed(stateProperties);
    }
}
