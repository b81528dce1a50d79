package dev.brook.streaming.runtime.tasks;

import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.configuration.CheckpointingOptions;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.ExecutionOptions;
import dev.brook.configuration.MemorySize;
import dev.brook.core.execution.CheckpointingMode;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import dev.brook.runtime.checkpoint.CheckpointType;
import dev.brook.runtime.checkpoint.OperatorSubtaskState;
import dev.brook.runtime.checkpoint.TaskStateSnapshot;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import dev.brook.runtime.jobgraph.OperatorConfig;
import dev.brook.runtime.jobgraph.TaskConfig;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.operators.coordination.OperatorEventHandler;
import dev.brook.streaming.runtime.operators.AbstractStreamOperator;
import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.operators.OneInputStreamOperator;
import dev.brook.streaming.runtime.operators.SourceOperator;
import dev.brook.streaming.runtime.operators.StreamGroupedReduce;
import dev.brook.streaming.runtime.operators.StreamOperator;
import dev.brook.streaming.runtime.operators.TwoInputStreamOperator;
import dev.brook.streaming.runtime.sort.RecordSorter;
import dev.brook.streaming.runtime.streamrecord.CheckpointBarrier;
import dev.brook.streaming.runtime.streamrecord.EndOfPartition;
import dev.brook.streaming.runtime.streamrecord.StreamElementSerializer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs one parallel subtask: an operator chain fed by a source reader or by network inputs.
 *
 * <p>Threading model: one thread runs {@link #invoke()}, which owns the operators. Everything else
 * (timers, coordinator events, availability of input, cancellation) reaches that thread as mail.
 * Between two input elements the thread runs queued mail; when input is exhausted for now it
 * flushes its outputs (so a quiet stream is never held back by buffering) and sleeps until input or
 * mail arrives.
 *
 * <p>Lifecycle: construct; {@link #invoke()} opens the chain, processes until end of input (or
 * cancellation), finishes the chain and ends its outputs, and always closes the operators.
 */
public final class StreamTask {

    private final TaskEnvironment env;
    private final TaskMailbox mailbox = new TaskMailbox();
    private final ProcessingTimeService timeService;
    private final long bufferTimeoutMillis;
    private volatile boolean canceled;
    private volatile OperatorChain chain;
    private InputProcessor input;
    private boolean awaitingInput;
    private final boolean exactlyOnce;
    private final boolean checkpointing;

    /** After the end of input: the first checkpoint taken since, and whether it completed. */
    private boolean inputEnded;

    /**
     * Stop with a savepoint: the synchronous savepoint this task took part in (-1: none); when it
     * completes, the task ends without finishing its operators. A source task emits nothing after
     * its barrier meanwhile.
     */
    private long stopWithSavepointId = -1;

    private boolean sourceStopped;
    private boolean stopRequested;

    /** Asynchronous parts of checkpoints not yet written. */
    private final Set<CompletableFuture<Void>> pendingWrites = ConcurrentHashMap.newKeySet();

    private long finalCheckpointId = -1;
    private boolean finalCheckpointComplete;

    public StreamTask(TaskEnvironment env) {
        this.env = env;
        this.timeService = new SystemProcessingTimeService(env.timerScheduler(), mailbox);
        Configuration conf = env.jobConfiguration();
        this.bufferTimeoutMillis =
                conf.get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)
                        ? conf.get(ExecutionOptions.BUFFER_TIMEOUT).toMillis()
                        : -1;
        this.exactlyOnce =
                conf.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)
                        == CheckpointingMode.EXACTLY_ONCE;
        this.checkpointing =
                conf.get(ExecutionOptions.RUNTIME_MODE) != RuntimeExecutionMode.BATCH
                        && conf.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL)
                                .map(d -> d.toMillis() > 0)
                                .orElse(false);
    }

    public void invoke() throws Exception {
        if (env.restore() != null && env.restore().finished()) {
            endFinishedOnRestore();
            return;
        }
        Exception failure = null;
        ScheduledFuture<?> flusher = null;
        try {
            chain = new OperatorChain(env, timeService, mailbox);
            chain.open();
            for (SingleInputGate gate : env.inputGates()) {
                gate.requestPartitions();
            }
            input = createInputProcessor(chain.head());
            if (bufferTimeoutMillis > 0 && env.partitions().length > 0) {
                OperatorChain c = chain;
                flusher =
                        timeService.scheduleAtFixedRate(
                                t -> c.flushOutputs(), bufferTimeoutMillis, bufferTimeoutMillis);
            }
            if (runMailboxLoop(input)) {
                chain.finishOperators();
                if (checkpointing && chain.requiresFinalCheckpoint()) {
                    awaitFinalCheckpoint();
                }
                if (!canceled) {
                    chain.endOutputs();
                    awaitPendingWrites();
                }
            }
        } catch (Exception e) {
            failure = unwrap(e);
        } finally {
            if (flusher != null) {
                flusher.cancel(false);
            }
            mailbox.close();
            if (input != null) {
                input.close();
            }
            if (chain != null) {
                Exception closeFailure = chain.close();
                if (failure == null) {
                    failure = closeFailure;
                } else if (closeFailure != null) {
                    failure.addSuppressed(closeFailure);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Exception unwrap(Exception e) {
        if (e instanceof ChainedOperatorException && e.getCause() instanceof Exception cause) {
            return cause;
        }
        return e;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private InputProcessor createInputProcessor(StreamOperator<?> head) {
        if (head instanceof SourceOperator<?, ?> source) {
            return new SourceInputProcessor(source);
        }
        TaskConfig config = env.config();
        SingleInputGate[] gates = env.inputGates();
        boolean twoInput = head instanceof TwoInputStreamOperator;
        Input<?>[] inputs;
        if (twoInput) {
            TwoInputStreamOperator<?, ?, ?> op = (TwoInputStreamOperator<?, ?, ?>) head;
            inputs = new Input<?>[] {op.input1(), op.input2()};
        } else {
            inputs = new Input<?>[] {(OneInputStreamOperator<?, ?>) head};
        }
        int[] channelsPerInput = new int[inputs.length];
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[inputs.length];
        GateReader[] readers = new GateReader[gates.length];
        for (int g = 0; g < gates.length; g++) {
            TaskConfig.InputConfig ic = config.inputs().get(g);
            int logical = ic.inputIndex() - 1;
            readers[g] =
                    new GateReader(
                            gates[g],
                            logical,
                            channelsPerInput[logical],
                            new StreamElementSerializer<>((TypeSerializer) ic.serializer()));
            channelsPerInput[logical] += gates[g].getNumberOfChannels();
            serializers[logical] = ic.serializer();
        }
        OperatorConfig headConfig = config.operators().get(0);
        KeySelector<?, ?>[] keySelectors =
                twoInput
                        ? new KeySelector<?, ?>[] {
                            headConfig.keySelector1(), headConfig.keySelector2()
                        }
                        : new KeySelector<?, ?>[] {headConfig.keySelector1()};
        TwoInputStreamOperator<?, ?, ?> twoInputOperator =
                twoInput ? (TwoInputStreamOperator<?, ?, ?>) head : null;
        boolean anyKeyed = Arrays.stream(keySelectors).anyMatch(Objects::nonNull);
        if (anyKeyed
                && env.jobConfiguration().get(ExecutionOptions.RUNTIME_MODE)
                        == RuntimeExecutionMode.BATCH) {
            return new SortingInputProcessor(
                    readers,
                    channelsPerInput,
                    new RecordSorter(sortMemory(), env.tmpDirectory()),
                    (AbstractStreamOperator<?>) head,
                    inputs,
                    keySelectors,
                    serializers,
                    head instanceof StreamGroupedReduce<?> reduce
                            ? reduce.associativeFunction()
                            : null,
                    twoInputOperator,
                    env.metricGroup().getNumRecordsInCounter());
        }
        return new NetworkInputProcessor(
                readers,
                inputs,
                channelsPerInput,
                twoInputOperator,
                exactlyOnce,
                this::performCheckpoint,
                env.metricGroup().getNumRecordsInCounter());
    }

    /** BATCH mode: the memory for sorting the keyed input (a quarter of the heap by default). */
    private long sortMemory() {
        return env.jobConfiguration()
                .getOptional(ExecutionOptions.SORTED_INPUTS_MEMORY)
                .map(MemorySize::getBytes)
                .orElse(Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * The input has ended and the operators have finished, but one of them commits its last output
     * only when a checkpoint completes (a two-phase-commit sink): the task keeps serving mail (the
     * coordinator triggers it directly now that its producers are done) until a checkpoint taken
     * from now on is complete. Its outputs stay open meanwhile, so downstream tasks still receive
     * that checkpoint's barrier.
     */
    private void awaitFinalCheckpoint() throws Exception {
        chain.flushOutputs();
        inputEnded = true;
        while (!finalCheckpointComplete && !canceled) {
            TaskMailbox.Mail mail = mailbox.take();
            mail.action().run();
        }
    }

    /**
     * Returns true when input ended, false when the task was cancelled or stopped with a savepoint.
     */
    private boolean runMailboxLoop(InputProcessor input) throws Exception {
        boolean flushEveryRecord = bufferTimeoutMillis == 0;
        while (true) {
            if (mailbox.hasMail()) {
                runQueuedMail();
            }
            if (canceled || stopRequested) {
                return false;
            }
            if (sourceStopped) {
                // Stopping with a savepoint: nothing more is read until it completes or fails.
                chain.flushOutputs();
                TaskMailbox.Mail mail = mailbox.take();
                mail.action().run();
                continue;
            }
            DataInputStatus status = input.processInput();
            if (status == DataInputStatus.MORE_AVAILABLE) {
                if (flushEveryRecord) {
                    chain.flushOutputs();
                }
                continue;
            }
            if (status == DataInputStatus.END_OF_INPUT) {
                return !canceled;
            }
            chain.flushOutputs();
            CompletableFuture<?> available = input.getAvailableFuture();
            if (!available.isDone()) {
                awaitingInput = true;
                available.whenComplete(
                        (ok, err) ->
                                mailbox.execute(() -> awaitingInput = false, "input available"));
                while (awaitingInput && !canceled && !stopRequested && !sourceStopped) {
                    TaskMailbox.Mail mail = mailbox.take();
                    mail.action().run();
                }
            }
        }
    }

    private void runQueuedMail() throws Exception {
        TaskMailbox.Mail mail;
        while ((mail = mailbox.tryTake()) != null) {
            mail.action().run();
        }
    }

    /**
     * The task had finished in the checkpoint the job restores from: nothing of it runs again. Its
     * consumers only learn that its output has ended.
     */
    private void endFinishedOnRestore() throws Exception {
        DataOutputSerializer event = new DataOutputSerializer(16);
        StreamElementSerializer.serializeEvent(EndOfPartition.INSTANCE, event);
        try {
            for (ResultPartition partition : env.partitions()) {
                partition.broadcast(event.getSharedBuffer(), event.length());
                partition.flushAll();
            }
        } finally {
            for (SingleInputGate gate : env.inputGates()) {
                gate.release();
            }
        }
    }

    // ------------------------------------------------------------------ checkpoints

    /**
     * The coordinator triggers checkpoint {@code checkpointId} in this task: a source task takes it
     * at once; a task whose upstream tasks have all finished takes it after its remaining input.
     */
    public void triggerCheckpointAsync(
            long checkpointId,
            long timestamp,
            CheckpointType type,
            CheckpointStorageLocation location) {
        CheckpointBarrier barrier = new CheckpointBarrier(checkpointId, timestamp, type, location);
        mailbox.execute(
                () -> {
                    if (input instanceof NetworkInputProcessor network) {
                        network.triggerCheckpointAtEndOfInput(barrier);
                    } else {
                        if (type == CheckpointType.SAVEPOINT_TERMINATE
                                && chain.head() instanceof SourceOperator<?, ?> source) {
                            // Drain: event time ends before the savepoint, so windows fire.
                            source.advanceToEndOfEventTime();
                        }
                        performCheckpoint(barrier);
                        if (type.isSynchronous()) {
                            sourceStopped = true;
                        }
                    }
                },
                "trigger checkpoint " + checkpointId);
    }

    /**
     * Takes the task's part of a checkpoint, on the task thread: operators emit what must precede
     * the barrier, the barrier goes downstream, and the operators' state is snapshotted and
     * serialized; writing it and acknowledging happen on the I/O executor while processing goes on.
     * A failure declines the checkpoint rather than failing the task.
     */
    private void performCheckpoint(CheckpointBarrier barrier) {
        long id = barrier.checkpointId();
        if (inputEnded && finalCheckpointId < 0) {
            finalCheckpointId = id;
        }
        if (barrier.type().isSynchronous()) {
            stopWithSavepointId = id;
        }
        Map<String, OperatorChain.PendingOperatorSnapshot> snapshots;
        try {
            chain.prepareSnapshotPreBarrier(id);
            chain.broadcastBarrier(barrier);
            snapshots = chain.snapshotState(id, barrier.timestamp());
        } catch (Exception e) {
            env.checkpointResponder().declineCheckpoint(id, e);
            return;
        }
        CompletableFuture<Void> write =
                CompletableFuture.runAsync(
                        () -> {
                            try {
                                Map<String, OperatorSubtaskState> states = new HashMap<>();
                                for (var e : snapshots.entrySet()) {
                                    states.put(e.getKey(), e.getValue().write(barrier.location()));
                                }
                                env.checkpointResponder()
                                        .acknowledgeCheckpoint(id, new TaskStateSnapshot(states));
                            } catch (Exception | Error e) {
                                env.checkpointResponder().declineCheckpoint(id, e);
                            }
                        },
                        env.ioExecutor());
        pendingWrites.add(write);
        write.whenComplete((ok, error) -> pendingWrites.remove(write));
    }

    /**
     * A task that finished waits for its checkpoint writes before it reports so: its last
     * acknowledgement then reaches the JobMaster while the job is still running, and no file is
     * written after the job's clean-up.
     */
    private void awaitPendingWrites() throws InterruptedException {
        for (CompletableFuture<Void> write : List.copyOf(pendingWrites)) {
            try {
                write.get();
            } catch (ExecutionException e) {
                // declined already; the task itself has finished fine
            }
        }
    }

    /** Checkpoint {@code checkpointId} is complete: operators and functions hear of it. */
    public void notifyCheckpointCompleteAsync(long checkpointId) {
        mailbox.execute(
                () -> {
                    chain.notifyCheckpointComplete(checkpointId);
                    if (finalCheckpointId >= 0 && checkpointId >= finalCheckpointId) {
                        finalCheckpointComplete = true;
                    }
                    if (stopWithSavepointId >= 0 && checkpointId >= stopWithSavepointId) {
                        stopRequested = true;
                    }
                },
                "checkpoint " + checkpointId + " complete");
    }

    public void notifyCheckpointAbortedAsync(long checkpointId) {
        mailbox.execute(
                () -> {
                    chain.notifyCheckpointAborted(checkpointId);
                    if (checkpointId == stopWithSavepointId) {
                        // The stop failed: the job goes on.
                        stopWithSavepointId = -1;
                        sourceStopped = false;
                    }
                },
                "checkpoint " + checkpointId + " aborted");
    }

    /** Stops processing; the task thread leaves its loop at the next mail or element. */
    public void cancel() {
        canceled = true;
        mailbox.execute(() -> {}, "cancel");
    }

    public boolean isCanceled() {
        return canceled;
    }

    /** Hands a coordinator's event to the addressed operator, on the task thread. */
    public void deliverOperatorEvent(String operatorId, OperatorEvent event) {
        mailbox.execute(
                () -> {
                    OperatorEventHandler handler = chain.eventHandler(operatorId);
                    if (handler == null) {
                        throw new IllegalStateException(
                                "No operator " + operatorId + " in this task accepts events");
                    }
                    handler.handleOperatorEvent(event);
                },
                "operator event");
    }
}
