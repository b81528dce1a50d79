package dev.brook.runtime.state;

import dev.brook.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * Where keyed state lives while a job runs: on the heap ({@code hashmap}) or in an embedded RocksDB
 * ({@code rocksdb}). Chosen per job with {@code env.setStateBackend(...)} or the {@code
 * state.backend.type} option. Whatever the backend, checkpoints store keyed state in the same
 * backend-independent form ({@link KeyedStateSnapshot}), so a savepoint taken with one backend can
 * be restored with the other.
 */
@PublicEvolving
public interface StateBackend extends Serializable {

    /** The backend's name as {@code state.backend.type} spells it. */
    String getName();

    /** Creates the keyed state of one keyed operator in one subtask. */
    <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters)
            throws Exception;
}
