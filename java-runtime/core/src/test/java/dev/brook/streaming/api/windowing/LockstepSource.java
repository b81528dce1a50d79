package dev.brook.streaming.api.windowing;

import dev.brook.api.common.eventtime.Watermark;
import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.connector.source.ReaderOutput;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.core.io.InputStatus;
import dev.brook.test.util.SplitlessSource;
import dev.brook.test.util.WatermarkBarrier;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plays an {@link OutOfOrderScript}: subtask {@code i} emits split {@code i}, round by round, each
 * round followed by the round's watermark; it starts the next round only when every window instance
 * has processed that watermark ({@link WatermarkBarrier}). So every record reaches the window
 * operator while its event time is exactly the previous round's watermark, however the channels of
 * the parallel sources interleave, and the outcome is deterministic.
 */
final class LockstepSource extends SplitlessSource<Tuple3<String, Long, Integer>> {

    private static final long serialVersionUID = 1L;

    private final OutOfOrderScript script;
    private final WatermarkBarrier barrier;

    LockstepSource(OutOfOrderScript script, WatermarkBarrier barrier) {
        super(Boundedness.BOUNDED);
        this.script = script;
        this.barrier = barrier;
    }

    @Override
    protected Reader<Tuple3<String, Long, Integer>> createReader(int subtask, int parallelism) {
        if (parallelism != script.splits()) {
            throw new IllegalStateException(
                    "The script has "
                            + script.splits()
                            + " splits for "
                            + parallelism
                            + " readers");
        }
        return new LockstepReader(script.records.get(subtask));
    }

    private final class LockstepReader extends Reader<Tuple3<String, Long, Integer>> {
        private final List<List<Tuple3<String, Long, Integer>>> rounds;
        private int round;
        private CompletableFuture<Void> released = CompletableFuture.completedFuture(null);

        LockstepReader(List<List<Tuple3<String, Long, Integer>>> rounds) {
            this.rounds = rounds;
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Tuple3<String, Long, Integer>> output) {
            if (!released.isDone()) {
                return InputStatus.NOTHING_AVAILABLE;
            }
            if (round == rounds.size()) {
                return InputStatus.END_OF_INPUT;
            }
            for (Tuple3<String, Long, Integer> record : rounds.get(round)) {
                output.collect(record, record.f1);
            }
            long watermark = script.watermarks[round++];
            output.emitWatermark(new Watermark(watermark));
            released = barrier.whenAllReached(watermark);
            return released.isDone() ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return released;
        }
    }
}
