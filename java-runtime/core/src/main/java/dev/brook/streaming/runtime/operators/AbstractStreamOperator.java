package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.Function;
import dev.brook.api.common.state.CheckpointListener;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.runtime.state.DefaultFunctionInitializationContext;
import dev.brook.runtime.state.FunctionSnapshotContext;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.runtime.state.OperatorStateBackend;
import dev.brook.streaming.api.checkpoint.CheckpointedFunction;
import dev.brook.streaming.runtime.operators.timers.InternalTimerService;
import dev.brook.streaming.runtime.operators.timers.TimerSnapshots;
import dev.brook.streaming.runtime.operators.timers.Triggerable;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.streaming.runtime.tasks.StreamingRuntimeContext;
import dev.brook.util.OutputTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of Brook's operators: holds the parameters, sets the key context for keyed inputs, and
 * forwards watermarks and watermark status downstream by default.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {

    protected final OperatorParameters<OUT> parameters;
    protected final Output<OUT> output;
    private final KeyedStateBackend<Object> keyedStateBackend;
    private final OperatorStateBackend operatorStateBackend;
    private final KeySelector<Object, Object> keySelector1;
    private final KeySelector<Object, Object> keySelector2;
    protected long currentWatermark = Long.MIN_VALUE;
    private final Map<String, InternalTimerService<?, ?>> timerServices = new LinkedHashMap<>(2);
    private final List<Function> userFunctions = new ArrayList<>(1);

    @SuppressWarnings("unchecked")
    protected AbstractStreamOperator(OperatorParameters<OUT> parameters) {
        this.parameters = parameters;
        this.output = parameters.output();
        this.keyedStateBackend = (KeyedStateBackend<Object>) parameters.keyedStateBackend();
        this.operatorStateBackend = parameters.operatorStateBackend();
        this.keySelector1 = (KeySelector<Object, Object>) parameters.keySelector1();
        this.keySelector2 = (KeySelector<Object, Object>) parameters.keySelector2();
    }

    public StreamingRuntimeContext getRuntimeContext() {
        return parameters.runtimeContext();
    }

    public String getOperatorName() {
        return parameters.operatorName();
    }

    protected KeyedStateBackend<Object> getKeyedStateBackend() {
        return keyedStateBackend;
    }

    public OperatorStateBackend getOperatorStateBackend() {
        return operatorStateBackend;
    }

    /**
     * Starts the operator's user function: sets its runtime context, lets a {@code
     * CheckpointedFunction} initialize its operator and keyed state, and opens it. Called from
     * {@link #open()}.
     */
    protected void openUserFunction(Function function) throws Exception {
        userFunctions.add(function);
        FunctionLifecycle.open(
                function,
                getRuntimeContext(),
                new DefaultFunctionInitializationContext(
                        operatorStateBackend, getRuntimeContext().getKeyedStateStore()));
    }

    public Object getCurrentKey() {
        return keyedStateBackend == null ? null : keyedStateBackend.getCurrentKey();
    }

    public void setCurrentKey(Object key) {
        keyedStateBackend.setCurrentKey(key);
    }

    protected boolean isKeyed1() {
        return keySelector1 != null;
    }

    protected boolean isKeyed2() {
        return keySelector2 != null;
    }

    protected void setKeyContextElement1(StreamRecord<?> record) throws Exception {
        if (keySelector1 != null) {
            keyedStateBackend.setCurrentKey(keySelector1.getKey(record.getValue()));
        }
    }

    protected void setKeyContextElement2(StreamRecord<?> record) throws Exception {
        if (keySelector2 != null) {
            keyedStateBackend.setCurrentKey(keySelector2.getKey(record.getValue()));
        }
    }

    /**
     * The timer service {@code name} of this keyed operator, created on first use with the timers
     * of a restored checkpoint; its timers call back {@code target} with the timer's key set as the
     * current key, and {@code namespaceSerializer} writes their namespaces into checkpoints.
     */
    @SuppressWarnings("unchecked")
    protected <K, N> InternalTimerService<K, N> getInternalTimerService(
            String name, TypeSerializer<N> namespaceSerializer, Triggerable<K, N> target) {
        if (keyedStateBackend == null) {
            throw new UnsupportedOperationException(
                    "Timers can only be used on a keyed stream, i.e. after keyBy(), in '"
                            + getOperatorName()
                            + "'.");
        }
        InternalTimerService<K, N> existing = (InternalTimerService<K, N>) timerServices.get(name);
        if (existing != null) {
            return existing;
        }
        InternalTimerService<K, N> service =
                new InternalTimerService<>(
                        (KeyedStateBackend<K>) (KeyedStateBackend<?>) keyedStateBackend,
                        namespaceSerializer,
                        parameters.processingTimeService(),
                        target,
                        parameters.isBatch());
        if (!parameters.restoredTimers().isEmpty()) {
            try {
                TimerSnapshots.restore(
                        name,
                        service,
                        parameters.restoredTimers(),
                        keyedStateBackend.getKeyGroupRange());
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot restore the timers of '" + getOperatorName() + "'", e);
            }
        }
        timerServices.put(name, service);
        return service;
    }

    // ------------------------------------------------------------------ checkpoints

    /**
     * A checkpoint: user functions that are {@link CheckpointedFunction}s write their state into
     * the operator's state backends, which the task then reads. Operators with more to save
     * override this and call it.
     */
    @Override
    public void snapshotState(long checkpointId, long timestamp) throws Exception {
        FunctionSnapshotContext context =
                new FunctionSnapshotContext() {
                    @Override
                    public long getCheckpointId() {
                        return checkpointId;
                    }

                    @Override
                    public long getCheckpointTimestamp() {
                        return timestamp;
                    }
                };
        for (Function f : userFunctions) {
            if (f instanceof CheckpointedFunction checkpointed) {
                checkpointed.snapshotState(context);
            }
        }
    }

    /** The operator's timers for a checkpoint, or null when it has none. */
    @SuppressWarnings("unchecked")
    public KeyedStateSnapshot snapshotTimers() throws IOException {
        if (timerServices.isEmpty()) {
            return null;
        }
        return TimerSnapshots.snapshot(
                timerServices,
                (TypeSerializer<Object>) parameters.keySerializer(),
                getRuntimeContext().getTaskInfo().getMaxNumberOfParallelSubtasks());
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (Function f : userFunctions) {
            if (f instanceof CheckpointListener listener) {
                listener.notifyCheckpointComplete(checkpointId);
            }
        }
    }

    /** A function that listens to completed checkpoints hears of one after its last record. */
    @Override
    public boolean requiresFinalCheckpoint() {
        for (Function f : userFunctions) {
            if (f instanceof CheckpointListener) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        for (Function f : userFunctions) {
            if (f instanceof CheckpointListener listener) {
                listener.notifyCheckpointAborted(checkpointId);
            }
        }
    }

    /** Emits {@code value} to the side output {@code tag}, with {@code timestamp} unless null. */
    protected <X> void emitSideOutput(OutputTag<X> tag, X value, Long timestamp) {
        if (tag == null) {
            throw new IllegalArgumentException("OutputTag must not be null");
        }
        output.collect(
                tag,
                timestamp == null
                        ? new StreamRecord<>(value)
                        : new StreamRecord<>(value, timestamp));
    }

    /**
     * Event time has advanced: event-time timers up to the watermark fire first, then the watermark
     * is forwarded, so results of those timers precede it downstream.
     */
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.timestamp();
        for (InternalTimerService<?, ?> timers : timerServices.values()) {
            timers.advanceWatermark(mark.timestamp());
        }
        output.emitWatermark(mark);
    }

    /**
     * BATCH mode with input sorted by key: every record of the current key has been processed.
     * Event time ends for the key (its event-time timers fire), then its keyed state is dropped,
     * since no record of it will come again. Operators that emit final results per key override
     * this and call it last.
     */
    public void endOfKey() throws Exception {
        for (InternalTimerService<?, ?> timers : timerServices.values()) {
            timers.endOfKey();
        }
        if (keyedStateBackend != null) {
            keyedStateBackend.clearCurrentKey();
        }
    }

    /** The timer services this operator has created, for test harnesses to inspect. */
    public Collection<InternalTimerService<?, ?>> getTimerServices() {
        return Collections.unmodifiableCollection(timerServices.values());
    }

    /** Stops timer wake-ups; subclasses that override {@link #close()} call this. */
    protected void closeTimerServices() {
        for (InternalTimerService<?, ?> timers : timerServices.values()) {
            timers.close();
        }
    }

    @Override
    public void close() throws Exception {
        closeTimerServices();
    }

    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        output.emitWatermarkStatus(status);
    }

    public long getCurrentWatermark() {
        return currentWatermark;
    }
}
