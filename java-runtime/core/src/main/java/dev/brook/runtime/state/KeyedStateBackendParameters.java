package dev.brook.runtime.state;

import dev.brook.annotation.PublicEvolving;
import dev.brook.api.common.typeutils.TypeSerializer;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What a {@link StateBackend} needs to create the keyed state of one operator subtask.
 *
 * @param operatorIdentifier the operator's id and subtask, unique within the job (names local
 *     files)
 * @param keySerializer serializes the keys (backends that store bytes need it)
 * @param keyGroupRange the key groups this subtask owns
 * @param maxParallelism the number of key groups of the job
 * @param workingDirectory a local directory the backend may use for its files; it is deleted when
 *     the task ends
 * @param ttlClock the processing-time clock state TTL is measured with
 */
@PublicEvolving
public record KeyedStateBackendParameters<K>(
        String operatorIdentifier,
        TypeSerializer<K> keySerializer,
        KeyGroupRange keyGroupRange,
        int maxParallelism,
        Path workingDirectory,
        LongSupplier ttlClock) {}
