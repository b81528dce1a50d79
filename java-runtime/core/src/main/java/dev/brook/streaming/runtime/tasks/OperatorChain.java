package dev.brook.streaming.runtime.tasks;

import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.configuration.ExecutionOptions;
import dev.brook.configuration.PipelineOptions;
import dev.brook.runtime.checkpoint.CheckpointCoordinator;
import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import dev.brook.runtime.checkpoint.FileStateHandle;
import dev.brook.runtime.checkpoint.OperatorSnapshot;
import dev.brook.runtime.checkpoint.OperatorSubtaskState;
import dev.brook.runtime.checkpoint.TaskRestore;
import dev.brook.runtime.jobgraph.OperatorConfig;
import dev.brook.runtime.jobgraph.TaskConfig;
import dev.brook.runtime.metrics.groups.InternalOperatorMetricGroup;
import dev.brook.runtime.metrics.groups.TaskMetricGroup;
import dev.brook.runtime.operators.coordination.OperatorEventHandler;
import dev.brook.runtime.state.IncrementalKeyedStateHandle;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateBackendParameters;
import dev.brook.runtime.state.KeyedStateHandle;
import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.runtime.state.OperatorStateBackend;
import dev.brook.runtime.state.OperatorStateContents;
import dev.brook.runtime.state.StateBackend;
import dev.brook.runtime.state.heap.HeapOperatorStateBackend;
import dev.brook.runtime.taskmanager.SubtaskInfo;
import dev.brook.streaming.runtime.operators.AbstractStreamOperator;
import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.operators.OneInputStreamOperator;
import dev.brook.streaming.runtime.operators.OperatorParameters;
import dev.brook.streaming.runtime.operators.Output;
import dev.brook.streaming.runtime.operators.StreamOperator;
import dev.brook.streaming.runtime.partitioner.StreamPartitioner;
import dev.brook.streaming.runtime.streamrecord.CheckpointBarrier;
import dev.brook.streaming.runtime.streamrecord.EndOfPartition;
import dev.brook.streaming.runtime.streamrecord.StreamElementSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operators of one task, wired together: chained edges are direct calls, edges leaving the task
 * write to network partitions. Operators are created from the last to the first so that each one is
 * constructed with its finished output.
 */
final class OperatorChain {

    private final StreamOperator<?>[] operators;
    private final List<RecordWriterOutput<?>> networkOutputs = new ArrayList<>();
    private final Map<String, OperatorEventHandler> eventHandlers = new HashMap<>();
    private final List<KeyedStateBackend<?>> backends = new ArrayList<>();
    private final List<OperatorStateBackend> operatorStateBackends = new ArrayList<>();
    private final KeyedStateBackend<?>[] operatorBackends;
    private final OperatorStateBackend[] operatorStates;
    private final List<OperatorConfig> configs;
    private final KeyGroupRange keyGroupRange;

    /** The restored state of one operator, read from the checkpoint's handles. */
    private record RestoredOperator(
            List<KeyedStateHandle> keyed,
            List<KeyedStateSnapshot> timers,
            Map<String, OperatorStateContents> operatorState) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorChain(TaskEnvironment env, ProcessingTimeService timeService, MailboxExecutor mailbox)
            throws Exception {
        TaskConfig config = env.config();
        List<OperatorConfig> configs = config.operators();
        boolean objectReuse = env.jobConfiguration().get(PipelineOptions.OBJECT_REUSE);
        boolean checkpointing =
                CheckpointCoordinator.isCheckpointingEnabled(env.jobConfiguration())
                        && env.jobConfiguration().get(ExecutionOptions.RUNTIME_MODE)
                                != RuntimeExecutionMode.BATCH;
        operators = new StreamOperator<?>[configs.size()];
        operatorBackends = new KeyedStateBackend<?>[configs.size()];
        operatorStates = new OperatorStateBackend[configs.size()];
        this.configs = configs;
        this.keyGroupRange = env.keyGroupRange();
        TaskMetricGroup taskMetrics = env.metricGroup();
        InternalOperatorMetricGroup[] metricGroups =
                new InternalOperatorMetricGroup[configs.size()];
        // Created first to last, so that ids get suffixes for repeated names in chain order.
        for (int i = 0; i < configs.size(); i++) {
            OperatorConfig oc = configs.get(i);
            metricGroups[i] =
                    i == 0
                            ? taskMetrics.addOperator(
                                    oc.operatorId(),
                                    oc.name(),
                                    taskMetrics.getNumRecordsInCounter())
                            : taskMetrics.addOperator(oc.operatorId(), oc.name());
        }

        for (int i = configs.size() - 1; i >= 0; i--) {
            OperatorConfig oc = configs.get(i);
            List<Output<?>> outputs = new ArrayList<>();
            // Network outputs come first: serializing reads a record without changing it, so a
            // chained consumer that modifies its input cannot corrupt what goes over the network.
            for (OperatorConfig.NetworkOutput no : oc.networkOutputs()) {
                TaskConfig.PartitionConfig pc = config.partitions().get(no.partitionIndex());
                RecordWriterOutput<?> out =
                        new RecordWriterOutput<>(
                                env.partitions()[no.partitionIndex()],
                                (StreamPartitioner) pc.partitioner(),
                                new StreamElementSerializer<>((TypeSerializer) pc.serializer()),
                                no.tag(),
                                taskMetrics.getNumRecordsOutCounter());
                outputs.add(out);
                networkOutputs.add(out);
            }
            // Without object reuse (the default) every chained consumer gets its own copy, so
            // neither a consumer that modifies its input nor a function that reuses its output
            // object can affect another. Immutable types need no copy.
            for (OperatorConfig.ChainedOutput co : oc.chainedOutputs()) {
                Input<?> target = (OneInputStreamOperator<?, ?>) operators[co.targetIndex()];
                Output<?> out =
                        new ChainingOutput<>(
                                (Input) target,
                                co.tag(),
                                metricGroups[co.targetIndex()]
                                        .getIOMetricGroup()
                                        .getNumRecordsInCounter());
                if (!objectReuse && !co.serializer().isImmutableType()) {
                    out = new CopyingOutput<>(out, co.serializer(), co.tag());
                }
                outputs.add(out);
            }
            Output<?> output;
            if (outputs.isEmpty()) {
                output = new DiscardingOutput<>();
            } else if (outputs.size() == 1) {
                output = outputs.get(0);
            } else {
                output = new BroadcastingOutput<>(outputs.toArray(new Output[0]));
            }
            output =
                    new CountingOutput<>(
                            output, metricGroups[i].getIOMetricGroup().getNumRecordsOutCounter());

            String operatorId = oc.operatorId();
            RestoredOperator restored = readRestoredState(env, operatorId);
            KeyedStateBackend<?> backend = null;
            if (oc.keySelector1() != null || oc.keySelector2() != null) {
                backend = createKeyedBackend(env, oc, i);
                backends.add(backend);
                if (restored != null) {
                    restoreKeyedState(backend, restored.keyed());
                }
            }
            OperatorStateBackend operatorState = new HeapOperatorStateBackend();
            operatorStateBackends.add(operatorState);
            if (restored != null) {
                operatorState.restore(env.restore().checkpointId(), restored.operatorState());
            }
            StreamingRuntimeContext runtimeContext =
                    new StreamingRuntimeContext(
                            env.taskInfo().withTaskName(oc.name()),
                            env.jobInfo(),
                            env.userCodeClassLoader(),
                            backend,
                            checkpointing,
                            metricGroups[i]);
            OperatorParameters params =
                    new OperatorParameters(
                            oc.name(),
                            output,
                            runtimeContext,
                            backend,
                            operatorState,
                            oc.keySelector1(),
                            oc.keySelector2(),
                            timeService,
                            mailbox,
                            event -> env.operatorEvents().send(operatorId, event),
                            env.jobConfiguration(),
                            oc.keySerializer(),
                            restored == null ? List.of() : restored.timers());
            StreamOperator<?> operator = oc.factory().create(params);
            operators[i] = operator;
            operatorBackends[i] = backend;
            operatorStates[i] = operatorState;
            if (operator instanceof OperatorEventHandler handler) {
                eventHandlers.put(operatorId, handler);
            }
        }
    }

    private static KeyedStateBackend<?> createKeyedBackend(
            TaskEnvironment env, OperatorConfig oc, int index) throws Exception {
        StateBackend stateBackend = env.config().stateBackend();
        SubtaskInfo task = env.taskInfo();
        String identifier =
                "op"
                        + index
                        + "_"
                        + task.getIndexOfThisSubtask()
                        + "_"
                        + task.getAttemptNumber()
                        + "_"
                        + Integer.toHexString(oc.operatorId().hashCode());
        Path workingDirectory =
                env.tmpDirectory()
                        .resolve("brook-state-" + env.jobInfo().getJobId())
                        .resolve(identifier);
        return stateBackend.createKeyedStateBackend(
                new KeyedStateBackendParameters<>(
                        identifier,
                        oc.keySerializer(),
                        env.keyGroupRange(),
                        env.maxParallelism(),
                        workingDirectory,
                        System::currentTimeMillis));
    }

    /**
     * Hands the restored keyed state to the backend: RocksDB files of incremental checkpoints first
     * (the backend may open them as its database), then snapshots in the full form.
     */
    private static void restoreKeyedState(
            KeyedStateBackend<?> backend, List<KeyedStateHandle> handles) throws IOException {
        List<IncrementalKeyedStateHandle> incremental = new ArrayList<>();
        List<KeyedStateSnapshot> full = new ArrayList<>();
        for (KeyedStateHandle handle : handles) {
            if (handle instanceof IncrementalKeyedStateHandle i) {
                incremental.add(i);
            } else if (handle instanceof KeyedStateSnapshot snapshot) {
                full.add(snapshot);
            }
        }
        if (!incremental.isEmpty()) {
            backend.restoreIncremental(incremental);
        }
        backend.restore(full);
    }

    /**
     * Reads this operator's part of the checkpoint the task restores from: the keyed state and
     * timers of all handed-over subtasks (the backends keep the key groups of their range), and the
     * operator state redistributed to this subtask. Null on a fresh start.
     */
    private static RestoredOperator readRestoredState(TaskEnvironment env, String operatorId)
            throws IOException {
        TaskRestore restore = env.restore();
        if (restore == null) {
            return null;
        }
        TaskRestore.OperatorRestore op = restore.operators().get(operatorId);
        if (op == null) {
            return null;
        }
        List<KeyedStateHandle> keyed = new ArrayList<>();
        List<KeyedStateSnapshot> timers = new ArrayList<>();
        Map<Integer, Map<String, OperatorStateContents>> operatorState = new TreeMap<>();
        for (Map.Entry<Integer, OperatorSubtaskState> e : op.subtasks().entrySet()) {
            if (e.getValue().handle() == null) {
                continue;
            }
            OperatorSnapshot snapshot =
                    OperatorSnapshot.read(e.getValue(), env.userCodeClassLoader());
            if (snapshot.keyed() != null) {
                keyed.add(snapshot.keyed());
            }
            if (snapshot.timers() != null) {
                timers.add(snapshot.timers());
            }
            operatorState.put(e.getKey(), snapshot.operatorState());
        }
        SubtaskInfo task = env.taskInfo();
        return new RestoredOperator(
                keyed,
                timers,
                OperatorSnapshot.redistribute(
                        operatorState,
                        op.oldParallelism(),
                        task.getIndexOfThisSubtask(),
                        task.getNumberOfParallelSubtasks()));
    }

    StreamOperator<?> head() {
        return operators[0];
    }

    OperatorEventHandler eventHandler(String operatorId) {
        return eventHandlers.get(operatorId);
    }

    /** Opens operators from the last to the first. */
    void open() throws Exception {
        for (int i = operators.length - 1; i >= 0; i--) {
            operators[i].open();
        }
    }

    /** Finishes operators from the first to the last: they emit what they still hold. */
    void finishOperators() throws Exception {
        for (StreamOperator<?> op : operators) {
            op.finish();
        }
    }

    /** Whether an operator needs a completed checkpoint after finishing (two-phase commits). */
    boolean requiresFinalCheckpoint() {
        for (StreamOperator<?> op : operators) {
            if (op.requiresFinalCheckpoint()) {
                return true;
            }
        }
        return false;
    }

    /** Ends every network output: consumers see the end of this task's data. */
    void endOutputs() {
        for (RecordWriterOutput<?> out : networkOutputs) {
            out.broadcastEvent(EndOfPartition.INSTANCE, true);
        }
    }

    /** Before a barrier leaves: operators emit what must precede it, first to last. */
    void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        for (StreamOperator<?> op : operators) {
            op.prepareSnapshotPreBarrier(checkpointId);
        }
    }

    /** Sends the barrier to every downstream task, at once. */
    void broadcastBarrier(CheckpointBarrier barrier) {
        for (RecordWriterOutput<?> out : networkOutputs) {
            out.broadcastEvent(barrier, true);
        }
    }

    /**
     * The synchronous part of a checkpoint: every operator saves its functions' state into its
     * backends, then timers and operator state are read and serialized and the keyed backends take
     * the synchronous part of their snapshot (a full snapshot, or a RocksDB checkpoint whose files
     * are uploaded later), so processing can go on while they are written. Operators without state
     * are left out.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, PendingOperatorSnapshot> snapshotState(long checkpointId, long timestamp)
            throws Exception {
        Map<String, PendingOperatorSnapshot> result = new LinkedHashMap<>();
        for (int i = 0; i < operators.length; i++) {
            StreamOperator<?> op = operators[i];
            op.snapshotState(checkpointId, timestamp);
            OperatorConfig oc = configs.get(i);
            KeyedStateBackend backend = operatorBackends[i];
            KeyedStateSnapshot timers =
                    op instanceof AbstractStreamOperator<?> a ? a.snapshotTimers() : null;
            Map<String, OperatorStateContents> operatorState = operatorStates[i].snapshot();
            if (backend == null && timers == null && operatorState.isEmpty()) {
                continue;
            }
            OperatorSnapshot.WithoutKeyedState rest =
                    OperatorSnapshot.withoutKeyedState(timers, operatorState);
            KeyedStateBackend.PendingSnapshot keyed =
                    backend == null
                            ? null
                            : backend.snapshot(checkpointId, (TypeSerializer) oc.keySerializer());
            KeyGroupRange range = backend == null ? null : keyGroupRange;
            result.put(
                    oc.operatorId(),
                    location -> {
                        KeyedStateHandle keyedState = keyed == null ? null : keyed.write(location);
                        List<FileStateHandle> shared =
                                keyedState instanceof IncrementalKeyedStateHandle incremental
                                        ? incremental.sharedState()
                                        : List.of();
                        return new OperatorSubtaskState(
                                location.write(out -> rest.writeTo(keyedState, out)),
                                range,
                                rest.hasUnionState(),
                                false,
                                shared);
                    });
        }
        return result;
    }

    /**
     * An operator's snapshot whose synchronous part is done; {@link #write} stores it and runs on
     * the TaskManager's I/O executor while the task goes on.
     */
    @FunctionalInterface
    interface PendingOperatorSnapshot {
        OperatorSubtaskState write(CheckpointStorageLocation location) throws IOException;
    }

    /**
     * Checkpoint {@code checkpointId} is complete: the keyed backends first (an incremental one may
     * now reuse the files it uploaded for it), then the operators and their functions.
     */
    void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (KeyedStateBackend<?> backend : backends) {
            backend.notifyCheckpointComplete(checkpointId);
        }
        for (StreamOperator<?> op : operators) {
            op.notifyCheckpointComplete(checkpointId);
        }
    }

    void notifyCheckpointAborted(long checkpointId) throws Exception {
        for (KeyedStateBackend<?> backend : backends) {
            backend.notifyCheckpointAborted(checkpointId);
        }
        for (StreamOperator<?> op : operators) {
            op.notifyCheckpointAborted(checkpointId);
        }
    }

    void flushOutputs() {
        for (RecordWriterOutput<?> out : networkOutputs) {
            out.partition().flushAll();
        }
    }

    /** Closes every operator, even if some fail; returns the first failure or null. */
    Exception close() {
        Exception first = null;
        for (StreamOperator<?> op : operators) {
            if (op == null) {
                continue;
            }
            try {
                op.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        for (KeyedStateBackend<?> b : backends) {
            b.dispose();
        }
        for (OperatorStateBackend b : operatorStateBackends) {
            b.dispose();
        }
        return first;
    }
}
