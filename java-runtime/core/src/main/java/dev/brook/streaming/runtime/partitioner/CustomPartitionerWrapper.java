package dev.brook.streaming.runtime.partitioner;

import dev.brook.api.common.functions.Partitioner;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Applies a user {@link Partitioner} to each record's key. */
public final class CustomPartitionerWrapper<K, T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private final Partitioner<K> partitioner;
    private final KeySelector<T, K> keySelector;

    public CustomPartitionerWrapper(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        this.partitioner = partitioner;
        this.keySelector = keySelector;
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        K key;
        try {
            key = keySelector.getKey(record.getValue());
        } catch (Exception e) {
            throw new KeyExtractionException(record.getValue(), e);
        }
        int channel = partitioner.partition(key, numberOfChannels);
        if (channel < 0 || channel >= numberOfChannels) {
            throw new IllegalStateException(
                    "Partitioner "
                            + partitioner.getClass().getName()
                            + " returned partition "
                            + channel
                            + " for key '"
                            + key
                            + "', but only partitions 0.."
                            + (numberOfChannels - 1)
                            + " exist.");
        }
        return channel;
    }

    @Override
    public String toString() {
        return "CUSTOM";
    }
}
