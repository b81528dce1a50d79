package dev.brook.streaming.api.functions.sink.legacy;

import dev.brook.api.common.state.CheckpointListener;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.state.FunctionInitializationContext;
import dev.brook.runtime.state.FunctionSnapshotContext;
import dev.brook.streaming.api.checkpoint.CheckpointedFunction;
import dev.brook.streaming.runtime.tasks.StreamingRuntimeContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The base of exactly-once sinks to external systems with transactions, as Flink's class of this
 * name. Records go into the current transaction; when a checkpoint barrier passes, the transaction
 * is pre-committed ({@link #preCommit}) and a new one begins; when that checkpoint is complete, the
 * pre-committed transaction is committed ({@link #commit}). After a failure, transactions the
 * restored checkpoint had pre-committed are committed ({@link #recoverAndCommit}: commit must be
 * idempotent), and the one it had open is aborted ({@link #recoverAndAbort}). At the end of input
 * the current transaction is pre-committed and committed by the final checkpoint (or at once when
 * the job takes no checkpoints).
 *
 * @param <IN> the records
 * @param <TXN> a transaction handle, kept in checkpoints with {@code transactionSerializer}
 * @param <CONTEXT> optional context kept across transactions
 */
public abstract class TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT> extends RichSinkFunction<IN>
        implements CheckpointedFunction, CheckpointListener {

    private static final long serialVersionUID = 1L;

    private static final ListStateDescriptor<byte[]> STATE =
            new ListStateDescriptor<>(
                    "state", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private final TypeSerializer<TXN> transactionSerializer;
    private final TypeSerializer<CONTEXT> contextSerializer;

    private transient ListState<byte[]> state;
    private transient TXN currentTransaction;
    private transient TreeMap<Long, TXN> pendingCommitTransactions;
    private transient Optional<CONTEXT> userContext;
    private transient boolean finished;

    protected TwoPhaseCommitSinkFunction(
            TypeSerializer<TXN> transactionSerializer, TypeSerializer<CONTEXT> contextSerializer) {
        this.transactionSerializer = transactionSerializer;
        this.contextSerializer = contextSerializer;
    }

    // ------------------------------------------------------------------ to implement

    /** Writes {@code value} into {@code transaction}. */
    protected abstract void invoke(TXN transaction, IN value, Context context) throws Exception;

    protected abstract TXN beginTransaction() throws Exception;

    /** Prepares {@code transaction} so that {@link #commit} cannot fail for lack of data. */
    protected abstract void preCommit(TXN transaction) throws Exception;

    /** Makes a pre-committed transaction visible. Must be idempotent. */
    protected abstract void commit(TXN transaction);

    /** Drops a transaction that will not be committed. */
    protected abstract void abort(TXN transaction);

    /** After a restore: commits a transaction the restored checkpoint had pre-committed. */
    protected void recoverAndCommit(TXN transaction) {
        commit(transaction);
    }

    /** After a restore: aborts the transaction that was open when the checkpoint was taken. */
    protected void recoverAndAbort(TXN transaction) {
        abort(transaction);
    }

    /** The context of a fresh start, if the sink keeps one. */
    protected Optional<CONTEXT> initializeUserContext() {
        return Optional.empty();
    }

    /** After a restore, once the restored transactions were committed or aborted. */
    protected void finishRecoveringContext(List<TXN> handledTransactions) {}

    protected Optional<CONTEXT> getUserContext() {
        return userContext;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public final void invoke(IN value, Context context) throws Exception {
        invoke(currentTransaction, value, context);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        state = context.getOperatorStateStore().getListState(STATE);
        pendingCommitTransactions = new TreeMap<>();
        userContext = Optional.empty();
        boolean restored = false;
        List<TXN> handled = new ArrayList<>();
        for (byte[] bytes : state.get()) {
            restored = true;
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            TXN open = transactionSerializer.deserialize(in);
            int pending = in.readInt();
            for (int i = 0; i < pending; i++) {
                in.readLong();
                TXN txn = transactionSerializer.deserialize(in);
                recoverAndCommit(txn);
                handled.add(txn);
            }
            recoverAndAbort(open);
            handled.add(open);
            if (in.readBoolean()) {
                userContext = Optional.of(contextSerializer.deserialize(in));
            }
        }
        if (restored) {
            finishRecoveringContext(handled);
        } else {
            userContext = initializeUserContext();
        }
        state.clear();
        currentTransaction = beginTransaction();
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        long checkpointId = context.getCheckpointId();
        if (!finished) {
            preCommit(currentTransaction);
        }
        if (currentTransaction != null) {
            pendingCommitTransactions.put(checkpointId, currentTransaction);
        }
        currentTransaction = finished ? null : beginTransaction();
        DataOutputSerializer out = new DataOutputSerializer(256);
        // The open transaction (aborted after a restore); after the end of input there is none,
        // so the last pre-committed one stands in (a restore commits it first, then the abort of
        // a committed transaction must do nothing).
        TXN open = currentTransaction != null ? currentTransaction : lastPending();
        transactionSerializer.serialize(open, out);
        out.writeInt(pendingCommitTransactions.size());
        for (Map.Entry<Long, TXN> e : pendingCommitTransactions.entrySet()) {
            out.writeLong(e.getKey());
            transactionSerializer.serialize(e.getValue(), out);
        }
        out.writeBoolean(userContext.isPresent());
        if (userContext.isPresent()) {
            contextSerializer.serialize(userContext.get(), out);
        }
        state.update(List.of(out.toByteArray()));
    }

    private TXN lastPending() throws IOException {
        if (pendingCommitTransactions.isEmpty()) {
            throw new IOException("No transaction to checkpoint after the end of input");
        }
        return pendingCommitTransactions.lastEntry().getValue();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Iterator<Map.Entry<Long, TXN>> it =
                pendingCommitTransactions.headMap(checkpointId, true).entrySet().iterator();
        while (it.hasNext()) {
            commit(it.next().getValue());
            it.remove();
        }
    }

    /**
     * The input has ended: the current transaction is pre-committed; the next completed checkpoint
     * commits it. Without checkpoints nothing would, so it is committed at once.
     */
    @Override
    public void finish() throws Exception {
        preCommit(currentTransaction);
        finished = true;
        if (!(getRuntimeContext() instanceof StreamingRuntimeContext context
                && context.isCheckpointingEnabled())) {
            for (TXN txn : pendingCommitTransactions.values()) {
                commit(txn);
            }
            pendingCommitTransactions.clear();
            commit(currentTransaction);
            currentTransaction = null;
        }
    }

    /** A transaction still open when the function closes (failure or cancellation) is aborted. */
    @Override
    public void close() throws Exception {
        if (currentTransaction != null && !finished) {
            abort(currentTransaction);
        }
        currentTransaction = null;
    }
}
