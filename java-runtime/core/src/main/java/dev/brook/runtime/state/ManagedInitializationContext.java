package dev.brook.runtime.state;

import dev.brook.annotation.PublicEvolving;
import dev.brook.api.common.state.KeyedStateStore;
import dev.brook.api.common.state.OperatorStateStore;
import java.util.OptionalLong;

/**
 * What a function or operator is given to create (or, after a restore, find again) the state it
 * manages through Brook: operator state always, keyed state on keyed streams.
 */
@PublicEvolving
public interface ManagedInitializationContext {

    /** True if the state comes from a snapshot of an earlier run, i.e. the job was restored. */
    default boolean isRestored() {
        return getRestoredCheckpointId().isPresent();
    }

    /** The checkpoint the state was restored from, if it was. */
    OptionalLong getRestoredCheckpointId();

    OperatorStateStore getOperatorStateStore();

    /** Keyed state, or null when the operator does not run on a keyed stream. */
    KeyedStateStore getKeyedStateStore();
}
