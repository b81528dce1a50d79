package dev.brook.api.connector.source.lib.util;

import dev.brook.api.connector.source.ReaderOutput;
import dev.brook.api.connector.source.SourceOutput;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SourceSplit;
import dev.brook.core.io.InputStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A reader that works through its splits one after another and asks the enumerator for the next
 * when it runs out. Subclasses read from the current split in {@link #emitFrom}, which must not
 * block.
 *
 * <p>Splits are immutable values: a subclass keeps its progress through the current split in its
 * own fields and turns it into a split only when asked, in {@link #snapshotSplit}. So a snapshot
 * stays as it was taken while the reader goes on, and restoring it resumes right after the last
 * record emitted before it.
 */
public abstract class SplitQueueReader<T, SplitT extends SourceSplit>
        implements SourceReader<T, SplitT> {

    /** Records emitted per {@link #pollNext} call at most, so mail is served between batches. */
    protected static final int BATCH = 256;

    protected final SourceReaderContext context;
    private final ArrayDeque<SplitT> splits = new ArrayDeque<>();
    private SplitT current;
    private final Set<String> withOutput = new HashSet<>();
    private boolean newSplits;
    private boolean noMoreSplits;
    private boolean requestOutstanding;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    protected SplitQueueReader(SourceReaderContext context) {
        this.context = context;
    }

    /** Asks for a split unless restored splits were added before the start. */
    @Override
    public void start() {
        if (splits.isEmpty()) {
            requestSplit();
        }
    }

    private void requestSplit() {
        if (!requestOutstanding && !noMoreSplits) {
            requestOutstanding = true;
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (current == null) {
            current = splits.poll();
            if (current == null) {
                if (noMoreSplits) {
                    return InputStatus.END_OF_INPUT;
                }
                requestSplit();
                if (available.isDone()) {
                    available = new CompletableFuture<>();
                }
                return InputStatus.NOTHING_AVAILABLE;
            }
            openSplit(current);
            withOutput.add(current.splitId());
        }
        // Every split waiting here holds event time back from its first record on: a reader
        // that got several (e.g. after a restore at another parallelism) must not let one split's
        // watermarks overtake another's records.
        if (newSplits) {
            newSplits = false;
            for (SplitT waiting : splits) {
                if (withOutput.add(waiting.splitId())) {
                    output.createOutputForSplit(waiting.splitId());
                }
            }
        }
        // Asked for each batch: the output may differ between calls (it does in tests).
        if (!emitFrom(current, output.createOutputForSplit(current.splitId()))) {
            closeSplit(current);
            withOutput.remove(current.splitId());
            output.releaseOutputForSplit(current.splitId());
            current = null;
            if (splits.isEmpty()) {
                requestSplit();
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    /** Prepares to read {@code split} from the position it describes. */
    protected void openSplit(SplitT split) throws Exception {}

    /**
     * Emits up to {@link #BATCH} records of {@code split}; returns false when the split is used up.
     */
    protected abstract boolean emitFrom(SplitT split, SourceOutput<T> output) throws Exception;

    /**
     * The open {@code split} as a new value whose position is right after the last record emitted:
     * opening it later emits exactly the records this reader has not emitted yet.
     */
    protected abstract SplitT snapshotSplit(SplitT split);

    /** Releases what {@link #openSplit} acquired. */
    protected void closeSplit(SplitT split) throws Exception {}

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<SplitT> newSplits) {
        splits.addAll(newSplits);
        this.newSplits = true;
        requestOutstanding = false;
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        requestOutstanding = false;
        available.complete(null);
    }

    /** The open split at its current position, then the splits not opened yet. */
    @Override
    public List<SplitT> snapshotState(long checkpointId) {
        List<SplitT> state = new ArrayList<>(splits.size() + 1);
        if (current != null) {
            state.add(snapshotSplit(current));
        }
        state.addAll(splits);
        return state;
    }

    @Override
    public void close() throws Exception {
        if (current != null) {
            closeSplit(current);
            current = null;
        }
    }
}
