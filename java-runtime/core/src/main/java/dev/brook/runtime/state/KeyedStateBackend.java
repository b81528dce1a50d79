package dev.brook.runtime.state;

import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * Keyed state of one operator in one subtask: the key groups of {@link #getKeyGroupRange()}, each
 * holding the state of its keys. The task sets the current key before each record; state objects
 * handed out read and write the entry of the current key (and, for namespaced state, the current
 * namespace).
 *
 * <p>Threading model: task thread only.
 */
public interface KeyedStateBackend<K> {

    void setCurrentKey(K key);

    K getCurrentKey();

    /** The key group of the current key. */
    int getCurrentKeyGroup();

    KeyGroupRange getKeyGroupRange();

    /** State in the {@link VoidNamespace}; the same object for the same descriptor name. */
    <S extends State> S getOrCreateKeyedState(StateDescriptor<S, ?> descriptor);

    /**
     * Namespaced state (e.g. per window); switch namespaces with {@link InternalKvState}. The
     * namespace serializer writes the namespaces into snapshots.
     */
    <N, S extends State> InternalKvState<K, N> getOrCreateInternalState(
            TypeSerializer<N> namespaceSerializer, StateDescriptor<S, ?> descriptor);

    /**
     * Writes the state of every key group of this backend, as of now, with {@code keySerializer}
     * for the keys. Task thread only; the state must not change during the call.
     */
    KeyedStateSnapshot snapshot(TypeSerializer<K> keySerializer) throws IOException;

    /**
     * The synchronous part of checkpoint {@code checkpointId}'s keyed snapshot, on the task thread
     * while the state does not change; {@link PendingSnapshot#write} does the rest on an I/O
     * thread. By default the full snapshot is taken now (as {@link #snapshot(TypeSerializer)}) and
     * stored as it is; the RocksDB backend with incremental checkpoints takes a RocksDB checkpoint
     * instead and uploads its new files later.
     */
    default PendingSnapshot snapshot(long checkpointId, TypeSerializer<K> keySerializer)
            throws IOException {
        KeyedStateSnapshot snapshot = snapshot(keySerializer).withDuplicatedSerializers();
        return location -> snapshot;
    }

    /**
     * A keyed snapshot whose synchronous part is done. {@link #write} runs once, on an I/O thread,
     * while the task goes on; it must not touch objects the task thread uses.
     */
    @FunctionalInterface
    interface PendingSnapshot {
        /**
         * Writes what is left to {@code location} (or, for shared state, to its shared directory)
         * and returns what the operator's snapshot stores.
         */
        KeyedStateHandle write(CheckpointStorageLocation location) throws IOException;
    }

    /**
     * Checkpoint {@code checkpointId} is complete: state it stored may be referenced by later
     * checkpoints. Task thread.
     */
    default void notifyCheckpointComplete(long checkpointId) {}

    /** Checkpoint {@code checkpointId} was aborted: what it wrote will not be used. Task thread. */
    default void notifyCheckpointAborted(long checkpointId) {}

    /**
     * Before any state is used: takes the entries of this backend's key groups from {@code
     * snapshots} (which may cover other key groups too, as after a change of parallelism). A state
     * is restored when it is first asked for, and must then be asked for with the same kind.
     */
    void restore(Collection<KeyedStateSnapshot> snapshots) throws IOException;

    /**
     * Like {@link #restore} for the files of incremental RocksDB checkpoints, before any other
     * restore. Only the RocksDB backend can read them; any other fails with a message saying how to
     * get a checkpoint it can restore.
     */
    default void restoreIncremental(Collection<IncrementalKeyedStateHandle> handles)
            throws IOException {
        throw new IllegalStateException(
                "Cannot restore keyed state with "
                        + getClass().getSimpleName()
                        + ": this checkpoint was taken with incremental RocksDB state; restore it"
                        + " with the rocksdb backend, or take a savepoint (savepoints are always"
                        + " in the backend-independent form) and restore that.");
    }

    /**
     * The keys that have a value in state {@code state} under {@code namespace}, as a snapshot: the
     * caller may change state while it works through them.
     */
    <N> List<K> getKeys(String state, N namespace);

    /**
     * The namespaces in which state {@code state} has at least one value, as a snapshot; the void
     * namespace is not listed. Operators rebuild their view of open windows with it after a
     * restore.
     */
    <N> List<N> getNamespaces(String state);

    /** Drops every value of the current key, in all states and namespaces. */
    void clearCurrentKey();

    void dispose();
}
