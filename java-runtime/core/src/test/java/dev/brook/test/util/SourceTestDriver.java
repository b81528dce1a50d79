package dev.brook.test.util;

import dev.brook.api.common.eventtime.Watermark;
import dev.brook.api.connector.source.ReaderInfo;
import dev.brook.api.connector.source.ReaderOutput;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceEvent;
import dev.brook.api.connector.source.SourceOutput;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SourceSplit;
import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.api.connector.source.SplitsAssignment;
import dev.brook.configuration.Configuration;
import dev.brook.core.io.InputStatus;
import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs a source's enumerator and parallel readers on the test thread, without a cluster. Messages
 * between them (split requests, assignments, "no more splits", asynchronous enumerator work) are
 * queued and delivered between polls, as the runtime delivers them between a task's mails, and
 * splits travel serialized with the source's split serializer. {@link #snapshot} takes a consistent
 * checkpoint of enumerator and readers in the source's own serialized forms, and {@link #restore}
 * starts a fresh enumerator and fresh readers from one, giving each reader its splits before it
 * starts, as a restored task does.
 */
public final class SourceTestDriver<T, SplitT extends SourceSplit, EnumChkT>
        implements AutoCloseable {

    private static final long AVAILABILITY_TIMEOUT_SECONDS = 30;

    private final Source<T, SplitT, EnumChkT> source;
    private final int parallelism;
    private final ArrayDeque<Runnable> messages = new ArrayDeque<>();
    private final List<Runnable> periodicCalls = new ArrayList<>();
    private final Map<Integer, ReaderInfo> registeredReaders = new TreeMap<>();
    private final List<SourceReader<T, SplitT>> readers = new ArrayList<>();
    private final SplitEnumerator<SplitT, EnumChkT> enumerator;

    private SourceTestDriver(
            Source<T, SplitT, EnumChkT> source, int parallelism, Snapshot restoreFrom)
            throws Exception {
        this.source = source;
        this.parallelism = parallelism;
        EnumeratorContext context = new EnumeratorContext();
        if (restoreFrom == null) {
            enumerator = source.createEnumerator(context);
        } else {
            SimpleVersionedSerializer<EnumChkT> serializer =
                    source.getEnumeratorCheckpointSerializer();
            enumerator =
                    source.restoreEnumerator(
                            context,
                            serializer.deserialize(
                                    restoreFrom.enumeratorVersion(),
                                    restoreFrom.enumeratorState()));
        }
        enumerator.start();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            SourceReader<T, SplitT> reader = source.createReader(new ReaderContext(subtask));
            readers.add(reader);
            if (restoreFrom != null) {
                reader.addSplits(
                        deserializeSplits(
                                restoreFrom.splitVersion(),
                                restoreFrom.readerSplits().get(subtask)));
            }
            registeredReaders.put(subtask, new ReaderInfo(subtask, "localhost"));
            enumerator.addReader(subtask);
            reader.start();
        }
    }

    /** A new source with {@code parallelism} readers. */
    public static <T, S extends SourceSplit, E> SourceTestDriver<T, S, E> start(
            Source<T, S, E> source, int parallelism) throws Exception {
        return new SourceTestDriver<>(source, parallelism, null);
    }

    /** A source restored from {@code snapshot}, with as many readers as it has reader states. */
    public static <T, S extends SourceSplit, E> SourceTestDriver<T, S, E> restore(
            Source<T, S, E> source, Snapshot snapshot) throws Exception {
        return new SourceTestDriver<>(source, snapshot.readerSplits().size(), snapshot);
    }

    /**
     * Reads all of a source with one reader, but after each of {@code counts} records (rounded up
     * to the end of the reader's poll) takes a checkpoint, closes everything, and continues with a
     * fresh enumerator and reader restored from it; returns all records emitted, in order. For an
     * exact source this equals an uninterrupted read.
     */
    public static <T, S extends SourceSplit, E> List<T> readRestoringAfter(
            Source<T, S, E> source, long... counts) throws Exception {
        List<T> all = new ArrayList<>();
        SourceTestDriver<T, S, E> driver = start(source, 1);
        for (long count : counts) {
            all.addAll(driver.read(0, count));
            Snapshot snapshot = driver.snapshot(1);
            driver.close();
            driver = restore(source, snapshot);
        }
        all.addAll(driver.readAll(0));
        driver.close();
        return all;
    }

    /** All records of a source with one reader, without checkpoints. */
    public static <T, S extends SourceSplit, E> List<T> readUninterrupted(Source<T, S, E> source)
            throws Exception {
        return readRestoringAfter(source);
    }

    /**
     * Polls reader {@code subtask} until it has emitted at least {@code atLeast} records, ended, or
     * has nothing to read while no message is on its way; returns what it emitted (a poll may emit
     * more than asked for).
     */
    public List<T> read(int subtask, long atLeast) throws Exception {
        return read(subtask, atLeast, false);
    }

    /** Everything reader {@code subtask} emits until it ends or has nothing more to read. */
    public List<T> readAll(int subtask) throws Exception {
        return read(subtask, Long.MAX_VALUE, false);
    }

    /**
     * Like {@link #read}, but waits for the reader's availability future when it has nothing to
     * read: for readers that are throttled or fed by their own thread. Fails if the future does not
     * complete within 30 seconds.
     */
    public List<T> readWaiting(int subtask, long atLeast) throws Exception {
        return read(subtask, atLeast, true);
    }

    private List<T> read(int subtask, long atLeast, boolean wait) throws Exception {
        SourceReader<T, SplitT> reader = readers.get(subtask);
        CollectingOutput<T> output = new CollectingOutput<>();
        while (output.records.size() < atLeast) {
            InputStatus status = reader.pollNext(output);
            if (status == InputStatus.END_OF_INPUT) {
                break;
            }
            if (status == InputStatus.NOTHING_AVAILABLE
                    && output.records.size() < atLeast
                    && !deliverMessages()
                    && !reader.isAvailable().isDone()) {
                if (!wait) {
                    break;
                }
                reader.isAvailable().get(AVAILABILITY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
        return output.records;
    }

    /** Runs the enumerator's periodic work once (e.g. a continuous file source's discovery). */
    public void runPeriodicCalls() {
        periodicCalls.forEach(Runnable::run);
        deliverMessages();
    }

    /**
     * Delivers queued messages, and the messages they cause, until none is left; false if there was
     * none.
     */
    public boolean deliverMessages() {
        boolean any = false;
        for (Runnable message; (message = messages.poll()) != null; ) {
            message.run();
            any = true;
        }
        return any;
    }

    /**
     * A checkpoint: delivers all messages in flight first, so enumerator and readers agree on who
     * holds which split (the runtime's checkpoint guarantees the same for events the enumerator
     * sent before its snapshot), then serializes the enumerator's and each reader's state with the
     * source's serializers, right away, as the runtime does.
     */
    public Snapshot snapshot(long checkpointId) throws Exception {
        deliverMessages();
        SimpleVersionedSerializer<EnumChkT> enumSerializer =
                source.getEnumeratorCheckpointSerializer();
        byte[] enumState = enumSerializer.serialize(enumerator.snapshotState(checkpointId));
        SimpleVersionedSerializer<SplitT> splitSerializer = source.getSplitSerializer();
        List<List<byte[]>> readerSplits = new ArrayList<>();
        for (SourceReader<T, SplitT> reader : readers) {
            List<byte[]> splits = new ArrayList<>();
            for (SplitT split : reader.snapshotState(checkpointId)) {
                splits.add(splitSerializer.serialize(split));
            }
            readerSplits.add(splits);
        }
        return new Snapshot(
                enumSerializer.getVersion(), enumState, splitSerializer.getVersion(), readerSplits);
    }

    public SourceReader<T, SplitT> reader(int subtask) {
        return readers.get(subtask);
    }

    public SplitEnumerator<SplitT, EnumChkT> enumerator() {
        return enumerator;
    }

    private List<SplitT> deserializeSplits(int version, List<byte[]> serialized) {
        SimpleVersionedSerializer<SplitT> serializer = source.getSplitSerializer();
        List<SplitT> splits = new ArrayList<>(serialized.size());
        for (byte[] bytes : serialized) {
            try {
                splits.add(serializer.deserialize(version, bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return splits;
    }

    @Override
    public void close() throws Exception {
        for (SourceReader<T, SplitT> reader : readers) {
            reader.close();
        }
        enumerator.close();
    }

    /**
     * A serialized checkpoint of a source: the enumerator's state and, per subtask, the splits of
     * its reader, each with the version of the serializer that wrote it.
     */
    public record Snapshot(
            int enumeratorVersion,
            byte[] enumeratorState,
            int splitVersion,
            List<List<byte[]>> readerSplits) {}

    private final class ReaderContext implements SourceReaderContext {
        private final int subtask;

        ReaderContext(int subtask) {
            this.subtask = subtask;
        }

        @Override
        public void sendSplitRequest() {
            messages.add(() -> enumerator.handleSplitRequest(subtask, "localhost"));
        }

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
            messages.add(() -> enumerator.handleSourceEvent(subtask, sourceEvent));
        }

        @Override
        public int getIndexOfSubtask() {
            return subtask;
        }

        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public Configuration getConfiguration() {
            return new Configuration();
        }

        @Override
        public String getLocalHostName() {
            return "localhost";
        }
    }

    private final class EnumeratorContext implements SplitEnumeratorContext<SplitT> {
        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return registeredReaders;
        }

        @Override
        public void assignSplits(SplitsAssignment<SplitT> newSplitAssignments) {
            SimpleVersionedSerializer<SplitT> serializer = source.getSplitSerializer();
            newSplitAssignments
                    .assignment()
                    .forEach(
                            (subtask, splits) -> {
                                List<byte[]> bytes = new ArrayList<>();
                                for (SplitT split : splits) {
                                    try {
                                        bytes.add(serializer.serialize(split));
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                }
                                messages.add(
                                        () ->
                                                readers.get(subtask)
                                                        .addSplits(
                                                                deserializeSplits(
                                                                        serializer.getVersion(),
                                                                        bytes)));
                            });
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            messages.add(() -> readers.get(subtask).notifyNoMoreSplits());
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            messages.add(() -> readers.get(subtaskId).handleSourceEvents(event));
        }

        @Override
        public <R> void callAsync(Callable<R> callable, BiConsumer<R, Throwable> handler) {
            messages.add(() -> callAndHandle(callable, handler));
        }

        @Override
        public <R> void callAsync(
                Callable<R> callable,
                BiConsumer<R, Throwable> handler,
                long initialDelay,
                long period) {
            periodicCalls.add(() -> callAndHandle(callable, handler));
        }

        private <R> void callAndHandle(Callable<R> callable, BiConsumer<R, Throwable> handler) {
            R result = null;
            Throwable error = null;
            try {
                result = callable.call();
            } catch (Throwable t) {
                error = t;
            }
            handler.accept(result, error);
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            messages.add(runnable);
        }
    }

    /** Collects records; watermarks and per-split outputs are not what these tests look at. */
    private static final class CollectingOutput<T> implements ReaderOutput<T> {
        final List<T> records = new ArrayList<>();

        @Override
        public void collect(T record) {
            records.add(record);
        }

        @Override
        public void collect(T record, long timestamp) {
            records.add(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}

        @Override
        public SourceOutput<T> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}
    }
}
