package dev.brook.streaming.api;

import java.util.Map;

/** The randomized failure-injection suite with keyed state in RocksDB. */
class RocksDBFailureInjectionITCase extends FailureInjectionITCase {

    @Override
    protected Map<String, String> backendSettings() {
        return Map.of("state.backend.type", "rocksdb");
    }
}
