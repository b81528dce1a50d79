package dev.brook.streaming.runtime.partitioner;

import dev.brook.api.java.functions.KeySelector;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/**
 * Sends each record to the subtask that owns its key's key group, so that all records of a key meet
 * in one subtask, and key groups (not keys) are the unit of rescaling.
 */
public final class KeyGroupStreamPartitioner<T, K> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private final KeySelector<T, K> keySelector;
    private final int maxParallelism;

    public KeyGroupStreamPartitioner(KeySelector<T, K> keySelector, int maxParallelism) {
        this.keySelector = keySelector;
        this.maxParallelism = maxParallelism;
    }

    /** This partitioner for a consumer with the given maximum parallelism. */
    public KeyGroupStreamPartitioner<T, K> withMaxParallelism(int consumerMaxParallelism) {
        return new KeyGroupStreamPartitioner<>(keySelector, consumerMaxParallelism);
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        K key;
        try {
            key = keySelector.getKey(record.getValue());
        } catch (Exception e) {
            throw new KeyExtractionException(record.getValue(), e);
        }
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(
                key, maxParallelism, numberOfChannels);
    }

    @Override
    public String toString() {
        return "HASH";
    }
}
