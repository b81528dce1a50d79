package dev.brook.configuration;

/** Which state backend keeps a job's keyed state. Keys and values follow Flink's. */
public final class StateBackendOptions {
    private StateBackendOptions() {}

    /**
     * {@code hashmap} (state as objects on the heap) or {@code rocksdb} (state in an embedded
     * RocksDB on local disk); a state backend set in the program takes precedence.
     */
    public static final ConfigOption<String> STATE_BACKEND =
            ConfigOptions.key("state.backend.type")
                    .stringType()
                    .defaultValue("hashmap")
                    .withDeprecatedKeys("state.backend")
                    .withDescription(
                            "The state backend: hashmap (on the heap) or rocksdb (embedded"
                                    + " RocksDB on local disk).");
}
