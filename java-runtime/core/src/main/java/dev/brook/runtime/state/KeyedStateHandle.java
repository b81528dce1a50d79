package dev.brook.runtime.state;

/**
 * The keyed state of one operator subtask as a checkpoint stores it: the backend-independent {@link
 * KeyedStateSnapshot} (every savepoint, and every checkpoint but incremental ones), or the files of
 * a RocksDB instance ({@link IncrementalKeyedStateHandle}), which only the RocksDB backend reads.
 */
public sealed interface KeyedStateHandle permits KeyedStateSnapshot, IncrementalKeyedStateHandle {}
