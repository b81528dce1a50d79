package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.ExecutionOptions;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.runtime.state.OperatorStateBackend;
import dev.brook.streaming.runtime.tasks.MailboxExecutor;
import dev.brook.streaming.runtime.tasks.ProcessingTimeService;
import dev.brook.streaming.runtime.tasks.StreamingRuntimeContext;
import java.util.List;

/**
 * Everything an operator is constructed with. Built by the task for each operator of its chain.
 *
 * @param output where the operator emits
 * @param runtimeContext the context its user function sees
 * @param keyedStateBackend the operator's keyed state, or null on a non-keyed input
 * @param operatorStateBackend the operator's operator state (list, union list, broadcast)
 * @param keySelector1 key of input 1, or null when input 1 is not keyed
 * @param keySelector2 key of input 2, or null when input 2 is not keyed (or absent)
 * @param processingTimeService the task's clock and timer scheduling
 * @param mailboxExecutor runs actions on the task thread
 * @param operatorEventGateway sends events to this operator's coordinator in the JobMaster
 * @param jobConfiguration the job's configuration (with the resolved execution mode)
 * @param keySerializer serializes the state keys into checkpoints, or null when not keyed
 * @param restoredTimers timers of the checkpoint the job restores from (the operator takes those of
 *     its key groups), empty on a fresh start
 */
public record OperatorParameters<OUT>(
        String operatorName,
        Output<OUT> output,
        StreamingRuntimeContext runtimeContext,
        KeyedStateBackend<?> keyedStateBackend,
        OperatorStateBackend operatorStateBackend,
        KeySelector<?, ?> keySelector1,
        KeySelector<?, ?> keySelector2,
        ProcessingTimeService processingTimeService,
        MailboxExecutor mailboxExecutor,
        OperatorEventGateway operatorEventGateway,
        Configuration jobConfiguration,
        TypeSerializer<?> keySerializer,
        List<KeyedStateSnapshot> restoredTimers) {

    /** True if the job runs with BATCH semantics (final results only). */
    public boolean isBatch() {
        return jobConfiguration.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH;
    }
}
