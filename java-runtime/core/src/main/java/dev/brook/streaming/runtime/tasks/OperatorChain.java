package dev.brook.streaming.runtime.tasks;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.configuration.PipelineOptions;
import dev.brook.runtime.jobgraph.OperatorConfig;
import dev.brook.runtime.jobgraph.TaskConfig;
import dev.brook.runtime.operators.coordination.OperatorEventHandler;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.OperatorStateBackend;
import dev.brook.runtime.state.heap.HeapKeyedStateBackend;
import dev.brook.runtime.state.heap.HeapOperatorStateBackend;
import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.operators.OneInputStreamOperator;
import dev.brook.streaming.runtime.operators.OperatorParameters;
import dev.brook.streaming.runtime.operators.Output;
import dev.brook.streaming.runtime.operators.StreamOperator;
import dev.brook.streaming.runtime.partitioner.StreamPartitioner;
import dev.brook.streaming.runtime.streamrecord.EndOfPartition;
import dev.brook.streaming.runtime.streamrecord.StreamElementSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorChain(TaskEnvironment env, ProcessingTimeService timeService, MailboxExecutor mailbox)
            throws Exception {
        TaskConfig config = env.config();
        List<OperatorConfig> configs = config.operators();
        boolean objectReuse = env.jobConfiguration().get(PipelineOptions.OBJECT_REUSE);
        operators = new StreamOperator<?>[configs.size()];

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
                                no.tag());
                outputs.add(out);
                networkOutputs.add(out);
            }
            // Without object reuse (the default) every chained consumer gets its own copy, so
            // neither a consumer that modifies its input nor a function that reuses its output
            // object can affect another. Immutable types need no copy.
            for (OperatorConfig.ChainedOutput co : oc.chainedOutputs()) {
                Input<?> target = (OneInputStreamOperator<?, ?>) operators[co.targetIndex()];
                Output<?> out = new ChainingOutput<>((Input) target, co.tag());
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

            KeyedStateBackend<?> backend = null;
            if (oc.keySelector1() != null || oc.keySelector2() != null) {
                backend = new HeapKeyedStateBackend<>(env.keyGroupRange(), env.maxParallelism());
                backends.add(backend);
            }
            OperatorStateBackend operatorState = new HeapOperatorStateBackend();
            operatorStateBackends.add(operatorState);
            StreamingRuntimeContext runtimeContext =
                    new StreamingRuntimeContext(
                            env.taskInfo().withTaskName(oc.name()),
                            env.jobInfo(),
                            env.userCodeClassLoader(),
                            backend);
            String operatorId = oc.operatorId();
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
                            env.jobConfiguration());
            StreamOperator<?> operator = oc.factory().create(params);
            operators[i] = operator;
            if (operator instanceof OperatorEventHandler handler) {
                eventHandlers.put(operatorId, handler);
            }
        }
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

    /** Finishes operators from the first to the last, then ends every network output. */
    void finish() throws Exception {
        for (StreamOperator<?> op : operators) {
            op.finish();
        }
        for (RecordWriterOutput<?> out : networkOutputs) {
            out.broadcastEvent(EndOfPartition.INSTANCE, true);
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
