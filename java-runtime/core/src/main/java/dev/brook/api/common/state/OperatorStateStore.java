package dev.brook.api.common.state;

import java.util.Set;

/**
 * State of an operator's parallel instance that is not scoped to a key: named lists and broadcast
 * maps. A function gets it in {@code CheckpointedFunction#initializeState}.
 *
 * <p>The kinds differ in how a restored job hands out the state again, possibly at another
 * parallelism: the elements of a {@linkplain #getListState list state} are split among the new
 * instances; every instance receives all elements of a {@linkplain #getUnionListState union list
 * state}; every instance receives the (equal) map of a {@linkplain #getBroadcastState broadcast
 * state}.
 *
 * <p>Asking twice for the same name returns the same state; asking for a name that exists with
 * another type or kind fails.
 */
public interface OperatorStateStore {

    /** The broadcast state {@code stateDescriptor} names, created empty on first use. */
    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor)
            throws Exception;

    /** A list state whose elements are split among the instances when a job is restored. */
    <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    /** A list state whose elements all go to every instance when a job is restored. */
    <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    /** The names of the list and union list states registered so far. */
    Set<String> getRegisteredStateNames();

    /** The names of the broadcast states registered so far. */
    Set<String> getRegisteredBroadcastStateNames();
}
