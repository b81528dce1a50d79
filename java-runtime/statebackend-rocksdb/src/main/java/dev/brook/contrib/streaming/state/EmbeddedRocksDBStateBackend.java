package dev.brook.contrib.streaming.state;

import dev.brook.annotation.PublicEvolving;
import dev.brook.configuration.CheckpointingOptions;
import dev.brook.configuration.Configuration;
import dev.brook.runtime.state.ConfigurableStateBackend;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateBackendParameters;
import dev.brook.runtime.state.StateBackend;
import java.io.IOException;

/**
 * Keeps keyed state in an embedded RocksDB on local disk ({@code state.backend.type: rocksdb}):
 * state may be much larger than the heap, at the cost of serializing on every access. Each keyed
 * operator subtask gets its own database in the task's working directory, deleted when the task
 * ends.
 *
 * <p>Checkpoints store the same backend-independent form as the {@code hashmap} backend, so either
 * backend restores the other's savepoints — unless incremental checkpoints are enabled ({@code
 * execution.checkpointing.incremental}, formerly {@code state.backend.incremental}, or {@code new
 * EmbeddedRocksDBStateBackend(true)}): then checkpoints written to a checkpoint directory upload
 * each new SST file of the database once and reference it from later checkpoints, and only this
 * backend restores them. Savepoints are always complete and backend-independent.
 */
@PublicEvolving
public class EmbeddedRocksDBStateBackend implements StateBackend, ConfigurableStateBackend {

    private static final long serialVersionUID = 1L;

    /** The name {@code state.backend.type} uses. */
    public static final String NAME = "rocksdb";

    /** Null until set by the program or taken from the configuration. */
    private final Boolean enableIncrementalCheckpointing;

    /**
     * A backend whose checkpoints are incremental as configured ({@code
     * execution.checkpointing.incremental}, default false).
     */
    public EmbeddedRocksDBStateBackend() {
        this.enableIncrementalCheckpointing = null;
    }

    /**
     * @param enableIncrementalCheckpointing whether checkpoints store only the SST files that are
     *     new since the previous checkpoint; wins over the configuration
     */
    public EmbeddedRocksDBStateBackend(boolean enableIncrementalCheckpointing) {
        this.enableIncrementalCheckpointing = enableIncrementalCheckpointing;
    }

    public boolean isIncrementalCheckpointsEnabled() {
        return enableIncrementalCheckpointing != null
                ? enableIncrementalCheckpointing
                : CheckpointingOptions.INCREMENTAL_CHECKPOINTS.defaultValue();
    }

    /** This backend with the configuration's settings where the program made none. */
    @Override
    public EmbeddedRocksDBStateBackend configure(
            Configuration configuration, ClassLoader classLoader) {
        if (enableIncrementalCheckpointing != null) {
            return this;
        }
        return new EmbeddedRocksDBStateBackend(
                configuration.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(
            KeyedStateBackendParameters<K> parameters) throws IOException {
        return new RocksDBKeyedStateBackend<>(parameters, isIncrementalCheckpointsEnabled());
    }

    @Override
    public String toString() {
        return "EmbeddedRocksDBStateBackend{incrementalCheckpoints="
                + isIncrementalCheckpointsEnabled()
                + "}";
    }
}
