package dev.brook.streaming.runtime.tasks;

import dev.brook.api.common.JobInfo;
import dev.brook.api.common.TaskInfo;
import dev.brook.api.common.functions.RuntimeContext;
import dev.brook.api.common.state.AggregatingState;
import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.KeyedStateStore;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.metrics.groups.OperatorMetricGroup;
import dev.brook.runtime.metrics.groups.InternalOperatorMetricGroup;
import dev.brook.runtime.state.DefaultKeyedStateStore;
import dev.brook.runtime.state.KeyedStateBackend;

/** The {@link RuntimeContext} of the functions of one operator in one subtask. */
public final class StreamingRuntimeContext implements RuntimeContext {

    private final TaskInfo taskInfo;
    private final JobInfo jobInfo;
    private final ClassLoader userCodeClassLoader;
    private final KeyedStateStore keyedStateStore;
    private final boolean checkpointingEnabled;
    private final InternalOperatorMetricGroup metricGroup;

    public StreamingRuntimeContext(
            TaskInfo taskInfo,
            JobInfo jobInfo,
            ClassLoader userCodeClassLoader,
            KeyedStateBackend<?> keyedStateBackend) {
        this(
                taskInfo,
                jobInfo,
                userCodeClassLoader,
                keyedStateBackend,
                false,
                InternalOperatorMetricGroup.unregistered(taskInfo.getTaskName()));
    }

    /**
     * @param checkpointingEnabled whether the job takes checkpoints (STREAMING mode with an
     *     interval)
     * @param metricGroup the operator's metrics
     */
    public StreamingRuntimeContext(
            TaskInfo taskInfo,
            JobInfo jobInfo,
            ClassLoader userCodeClassLoader,
            KeyedStateBackend<?> keyedStateBackend,
            boolean checkpointingEnabled,
            InternalOperatorMetricGroup metricGroup) {
        this.checkpointingEnabled = checkpointingEnabled;
        this.metricGroup = metricGroup;
        this.taskInfo = taskInfo;
        this.jobInfo = jobInfo;
        this.userCodeClassLoader = userCodeClassLoader;
        this.keyedStateStore =
                keyedStateBackend == null ? null : new DefaultKeyedStateStore(keyedStateBackend);
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

    @Override
    public OperatorMetricGroup getMetricGroup() {
        return metricGroup;
    }

    /** Whether the job takes checkpoints, as Flink's method of this name. */
    public boolean isCheckpointingEnabled() {
        return checkpointingEnabled;
    }

    /** The keyed state of the operator, or null when it does not run on a keyed stream. */
    public KeyedStateStore getKeyedStateStore() {
        return keyedStateStore;
    }

    private KeyedStateStore keyed(StateDescriptor<?, ?> descriptor) {
        if (keyedStateStore == null) {
            throw new UnsupportedOperationException(
                    "Keyed state '"
                            + descriptor.getName()
                            + "' can only be used on a keyed stream, i.e. after keyBy(), in '"
                            + taskInfo.getTaskName()
                            + "'.");
        }
        return keyedStateStore;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return keyed(stateProperties).getState(stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return keyed(stateProperties).getListState(stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return keyed(stateProperties).getReducingState(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return keyed(stateProperties).getAggregatingState(stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return keyed(stateProperties).getMapState(stateProperties);
    }
}
