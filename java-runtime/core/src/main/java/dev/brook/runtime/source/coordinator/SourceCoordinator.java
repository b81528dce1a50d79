package dev.brook.runtime.source.coordinator;

import dev.brook.api.connector.source.ReaderInfo;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceEvent;
import dev.brook.api.connector.source.SourceSplit;
import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.api.connector.source.SplitsAssignment;
import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.runtime.operators.coordination.OperatorCoordinator;
import dev.brook.runtime.operators.coordination.OperatorEvent;
import dev.brook.runtime.source.event.AddSplitEvent;
import dev.brook.runtime.source.event.NoMoreSplitsEvent;
import dev.brook.runtime.source.event.ReaderRegistrationEvent;
import dev.brook.runtime.source.event.RequestSplitEvent;
import dev.brook.runtime.source.event.SourceEventWrapper;
import dev.brook.runtime.util.DaemonThreadFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs a source's {@link SplitEnumerator} in the JobMaster. All enumerator calls happen on one
 * coordinator thread; {@code callAsync} work runs on a separate worker thread and hands its result
 * back to the coordinator thread. Any exception fails the job.
 */
public final class SourceCoordinator<SplitT extends SourceSplit, EnumChkT>
        implements OperatorCoordinator {

    private final Source<?, SplitT, EnumChkT> source;
    private final Context context;
    private final ExecutorService coordinatorThread;
    private final ScheduledExecutorService workerThread;
    private final TreeMap<Integer, ReaderInfo> readers = new TreeMap<>();
    private SplitEnumerator<SplitT, EnumChkT> enumerator;

    /**
     * Splits handed to each subtask, by the checkpoint after whose coordinator snapshot they were
     * assigned ({@code Long.MAX_VALUE}: not covered by a checkpoint yet). A subtask restarted from
     * checkpoint N gets back what it was handed after N. Coordinator thread only.
     */
    private final TreeMap<Long, Map<Integer, List<SplitT>>> assignments = new TreeMap<>();

    /** The enumerator's checkpoint to restore from (version, bytes), or null to start fresh. */
    private byte[] restoredState;

    @SuppressWarnings("unchecked")
    SourceCoordinator(Source<?, ?, ?> source, Context context) {
        this.source = (Source<?, SplitT, EnumChkT>) source;
        this.context = context;
        String name = context.operatorName();
        this.coordinatorThread =
                Executors.newSingleThreadExecutor(
                        new DaemonThreadFactory("SourceCoordinator-" + name));
        this.workerThread =
                Executors.newSingleThreadScheduledExecutor(
                        new DaemonThreadFactory("SourceCoordinator-worker-" + name));
    }

    private void runInCoordinator(String what, ThrowingAction action) {
        coordinatorThread.execute(
                () -> {
                    try {
                        action.run();
                    } catch (Throwable t) {
                        context.failJob(
                                new SourceEnumeratorException(
                                        "Source '"
                                                + context.operatorName()
                                                + "' failed while "
                                                + what
                                                + ": "
                                                + t.getMessage(),
                                        t));
                    }
                });
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }

    @Override
    public void start() {
        runInCoordinator(
                "starting its split enumerator",
                () -> {
                    Thread.currentThread().setContextClassLoader(context.getUserCodeClassLoader());
                    enumerator =
                            restoredState == null
                                    ? source.createEnumerator(new EnumeratorContext())
                                    : source.restoreEnumerator(
                                            new EnumeratorContext(),
                                            deserializeEnumeratorState(restoredState));
                    enumerator.start();
                });
    }

    @Override
    public void handleEventFromOperator(int subtask, OperatorEvent event) {
        runInCoordinator(
                "handling " + event.getClass().getSimpleName() + " from subtask " + subtask,
                () -> {
                    if (event instanceof ReaderRegistrationEvent reg) {
                        readers.put(subtask, new ReaderInfo(subtask, reg.location()));
                        enumerator.addReader(subtask);
                    } else if (event instanceof RequestSplitEvent req) {
                        enumerator.handleSplitRequest(subtask, req.hostName());
                    } else if (event instanceof SourceEventWrapper wrapper) {
                        enumerator.handleSourceEvent(subtask, wrapper.sourceEvent());
                    } else {
                        throw new IllegalArgumentException("Unexpected event " + event);
                    }
                });
    }

    /**
     * Snapshots the enumerator on the coordinator thread, so the snapshot sits between the events
     * the enumerator sent before and after it. The bytes are the serializer's version and its
     * output.
     */
    @Override
    public CompletableFuture<byte[]> checkpointCoordinator(long checkpointId) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        coordinatorThread.execute(
                () -> {
                    try {
                        SimpleVersionedSerializer<EnumChkT> serializer =
                                source.getEnumeratorCheckpointSerializer();
                        byte[] bytes = serializer.serialize(enumerator.snapshotState(checkpointId));
                        Map<Integer, List<SplitT>> uncovered = assignments.remove(Long.MAX_VALUE);
                        if (uncovered != null) {
                            // Assigned before this snapshot: in the readers' state of this
                            // checkpoint (the trigger follows the assignment events).
                            assignments.put(checkpointId, uncovered);
                        }
                        result.complete(
                                ByteBuffer.allocate(4 + bytes.length)
                                        .putInt(serializer.getVersion())
                                        .put(bytes)
                                        .array());
                    } catch (Throwable t) {
                        result.completeExceptionally(
                                new SourceEnumeratorException(
                                        "Source '"
                                                + context.operatorName()
                                                + "' failed to checkpoint its split enumerator: "
                                                + t.getMessage(),
                                        t));
                    }
                });
        return result;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        runInCoordinator(
                "notifying checkpoint " + checkpointId + " complete",
                () -> {
                    // Splits assigned before a completed checkpoint are in its readers' state.
                    assignments.headMap(checkpointId, true).clear();
                    enumerator.notifyCheckpointComplete(checkpointId);
                });
    }

    /** Hands back to the enumerator what the subtask was assigned after {@code checkpointId}. */
    @Override
    public void subtaskReset(int subtask, long checkpointId) {
        runInCoordinator(
                "resetting subtask " + subtask,
                () -> {
                    readers.remove(subtask);
                    List<SplitT> back = new ArrayList<>();
                    for (Map<Integer, List<SplitT>> bySubtask :
                            assignments.tailMap(checkpointId, false).values()) {
                        List<SplitT> splits = bySubtask.remove(subtask);
                        if (splits != null) {
                            back.addAll(splits);
                        }
                    }
                    if (!back.isEmpty()) {
                        enumerator.addSplitsBack(back, subtask);
                    }
                });
    }

    @Override
    public void resetToCheckpoint(long checkpointId, byte[] checkpointData) {
        this.restoredState = checkpointData;
    }

    private EnumChkT deserializeEnumeratorState(byte[] versioned) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(versioned);
        int version = buffer.getInt();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return source.getEnumeratorCheckpointSerializer().deserialize(version, bytes);
    }

    @Override
    public void close() throws Exception {
        coordinatorThread.execute(
                () -> {
                    if (enumerator != null) {
                        try {
                            enumerator.close();
                        } catch (IOException e) {
                            // The job is over; a failing close leaves nothing to clean up here.
                        }
                    }
                });
        coordinatorThread.shutdown();
        workerThread.shutdownNow();
        coordinatorThread.awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class EnumeratorContext implements SplitEnumeratorContext<SplitT> {

        @Override
        public int currentParallelism() {
            return context.currentParallelism();
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return Collections.unmodifiableMap(readers);
        }

        @Override
        public void assignSplits(SplitsAssignment<SplitT> assignment) {
            SimpleVersionedSerializer<SplitT> serializer = source.getSplitSerializer();
            for (Map.Entry<Integer, List<SplitT>> e : assignment.assignment().entrySet()) {
                if (!readers.containsKey(e.getKey())) {
                    throw new IllegalStateException(
                            "Cannot assign splits to subtask "
                                    + e.getKey()
                                    + ": it has not registered");
                }
                List<byte[]> bytes = new ArrayList<>(e.getValue().size());
                for (SplitT split : e.getValue()) {
                    try {
                        bytes.add(serializer.serialize(split));
                    } catch (IOException ex) {
                        throw new IllegalStateException("Cannot serialize split " + split, ex);
                    }
                }
                context.sendEvent(e.getKey(), new AddSplitEvent(serializer.getVersion(), bytes));
                assignments
                        .computeIfAbsent(Long.MAX_VALUE, id -> new HashMap<>())
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .addAll(e.getValue());
            }
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            context.sendEvent(subtask, new NoMoreSplitsEvent());
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            context.sendEvent(subtaskId, new SourceEventWrapper(event));
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
            workerThread.execute(() -> runAndHandBack(callable, handler));
        }

        @Override
        public <T> void callAsync(
                Callable<T> callable,
                BiConsumer<T, Throwable> handler,
                long initialDelay,
                long period) {
            workerThread.scheduleAtFixedRate(
                    () -> runAndHandBack(callable, handler),
                    initialDelay,
                    period,
                    TimeUnit.MILLISECONDS);
        }

        private <T> void runAndHandBack(Callable<T> callable, BiConsumer<T, Throwable> handler) {
            T result = null;
            Throwable error = null;
            try {
                result = callable.call();
            } catch (Throwable t) {
                error = t;
            }
            T r = result;
            Throwable err = error;
            runInCoordinator("handling an asynchronous result", () -> handler.accept(r, err));
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            runInCoordinator("running an action", runnable::run);
        }
    }
}
