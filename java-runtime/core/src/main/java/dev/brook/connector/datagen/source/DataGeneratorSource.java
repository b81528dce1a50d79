package dev.brook.connector.datagen.source;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.connector.source.ReaderOutput;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceOutput;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.api.connector.source.lib.NumberSequenceSource;
import dev.brook.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import dev.brook.api.connector.source.lib.util.SplitQueueReader;
import dev.brook.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.brook.api.java.typeutils.ResultTypeQueryable;
import dev.brook.core.io.InputStatus;
import dev.brook.core.io.SimpleVersionedSerializer;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Generates {@code count} records by calling a {@link GeneratorFunction} with the indexes {@code 0
 * .. count-1}, optionally rate-limited. With {@code Long.MAX_VALUE} records it is unbounded.
 *
 * <p>A reader's checkpointed position is the next index of its split, so a restored job generates
 * exactly the indexes not generated before the checkpoint.
 */
public class DataGeneratorSource<OUT>
        implements Source<OUT, NumberSequenceSplit, Collection<NumberSequenceSplit>>,
                ResultTypeQueryable<OUT> {

    private static final long serialVersionUID = 1L;

    private final GeneratorFunction<Long, OUT> generator;
    private final NumberSequenceSource indexes;
    private final RateLimiterStrategy rateLimiter;
    private final TypeInformation<OUT> type;

    public DataGeneratorSource(
            GeneratorFunction<Long, OUT> generator, long count, TypeInformation<OUT> type) {
        this(generator, count, RateLimiterStrategy.noOp(), type);
    }

    public DataGeneratorSource(
            GeneratorFunction<Long, OUT> generator,
            long count,
            RateLimiterStrategy rateLimiter,
            TypeInformation<OUT> type) {
        if (count < 1) {
            throw new IllegalArgumentException("A data generator needs count >= 1, got " + count);
        }
        this.generator = generator;
        this.indexes = new NumberSequenceSource(0, count - 1);
        this.rateLimiter = rateLimiter;
        this.type = type;
    }

    @Override
    public TypeInformation<OUT> getProducedType() {
        return type;
    }

    @Override
    public Boundedness getBoundedness() {
        return indexes.getTo() == Long.MAX_VALUE - 1
                ? Boundedness.CONTINUOUS_UNBOUNDED
                : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return indexes.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context,
            Collection<NumberSequenceSplit> checkpoint) {
        return indexes.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SourceReader<OUT, NumberSequenceSplit> createReader(SourceReaderContext context)
            throws Exception {
        generator.open(context);
        double perReader = rateLimiter.recordsPerSecond() / context.currentParallelism();
        return new Reader<>(context, generator, rateLimiter.isLimited() ? perReader : 0);
    }

    @Override
    public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
        return indexes.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<NumberSequenceSplit>>
            getEnumeratorCheckpointSerializer() {
        return indexes.getEnumeratorCheckpointSerializer();
    }

    /**
     * Emits its index ranges, one record per poll when rate-limited. The limit is kept as the time
     * the next record is due, counted from the reader's creation, so a restored reader starts
     * without credit. A reader that fell behind (backpressure, or waiting for its splits) catches
     * up by at most one second's worth of records, as Flink's Guava-based limiter does: over any
     * interval the rate holds, give or take one second's records.
     */
    private static final class Reader<OUT> extends SplitQueueReader<OUT, NumberSequenceSplit> {
        private static final double MAX_CATCH_UP_NANOS = 1e9;

        private final GeneratorFunction<Long, OUT> generator;
        private final double nanosPerRecord;
        private final long startNanos = System.nanoTime();

        /** When, in nanoseconds after {@link #startNanos}, the next record may be emitted. */
        private double dueNanos;

        private long next;
        private CompletableFuture<Void> throttle;

        /**
         * @param recordsPerSecond this reader's rate; 0 for no limit
         */
        Reader(
                SourceReaderContext context,
                GeneratorFunction<Long, OUT> generator,
                double recordsPerSecond) {
            super(context);
            this.generator = generator;
            this.nanosPerRecord = recordsPerSecond > 0 ? 1e9 / recordsPerSecond : 0;
        }

        @Override
        public InputStatus pollNext(ReaderOutput<OUT> output) throws Exception {
            if (nanosPerRecord > 0) {
                double now = System.nanoTime() - startNanos;
                dueNanos = Math.max(dueNanos, now - MAX_CATCH_UP_NANOS);
                if (dueNanos > now) {
                    long waitMs = (long) Math.ceil((dueNanos - now) / 1e6);
                    throttle =
                            CompletableFuture.runAsync(
                                    () -> {},
                                    CompletableFuture.delayedExecutor(
                                            Math.max(1, waitMs), TimeUnit.MILLISECONDS));
                    return InputStatus.NOTHING_AVAILABLE;
                }
            }
            throttle = null;
            return super.pollNext(output);
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return throttle != null ? throttle : super.isAvailable();
        }

        @Override
        protected void openSplit(NumberSequenceSplit split) {
            next = split.from();
        }

        @Override
        protected boolean emitFrom(NumberSequenceSplit split, SourceOutput<OUT> output)
                throws Exception {
            long batch = nanosPerRecord > 0 ? 1 : BATCH;
            long stop = Math.min(split.to(), next + batch - 1);
            for (long i = next; i <= stop; i++) {
                output.collect(generator.map(i));
            }
            dueNanos += nanosPerRecord * (stop - next + 1);
            next = stop + 1;
            return stop < split.to();
        }

        @Override
        protected NumberSequenceSplit snapshotSplit(NumberSequenceSplit split) {
            return split.withFrom(next);
        }

        @Override
        public void close() throws Exception {
            super.close();
            generator.close();
        }
    }
}
