package dev.brook.contrib.streaming.state;

import dev.brook.annotation.PublicEvolving;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateBackendParameters;
import dev.brook.runtime.state.StateBackend;
import java.io.IOException;

/**
 * Keeps keyed state in an embedded RocksDB on local disk ({@code state.backend.type: rocksdb}):
 * state may be much larger than the heap, at the cost of serializing on every access. Each keyed
 * operator subtask gets its own database in the task's working directory, deleted when the task
 * ends. Checkpoints store the same backend-independent form as the {@code hashmap} backend, so
 * either backend restores the other's savepoints.
 */
@PublicEvolving
public class EmbeddedRocksDBStateBackend implements StateBackend {

    private static final long serialVersionUID = 1L;

    /** The name {@code state.backend.type} uses. */
    public static final String NAME = "rocksdb";

    private final boolean enableIncrementalCheckpointing;

    /** A backend with full (not incremental) checkpoints. */
    public EmbeddedRocksDBStateBackend() {
        this(false);
    }

    /**
     * @param enableIncrementalCheckpointing whether checkpoints should store only what changed
     *     since the previous one (Flink's option; recorded, checkpoints are full for now)
     */
    public EmbeddedRocksDBStateBackend(boolean enableIncrementalCheckpointing) {
        this.enableIncrementalCheckpointing = enableIncrementalCheckpointing;
    }

    public boolean isIncrementalCheckpointsEnabled() {
        return enableIncrementalCheckpointing;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(
            KeyedStateBackendParameters<K> parameters) throws IOException {
        return new RocksDBKeyedStateBackend<>(parameters);
    }

    @Override
    public String toString() {
        return "EmbeddedRocksDBStateBackend{incrementalCheckpoints="
                + enableIncrementalCheckpointing
                + "}";
    }
}
