package dev.brook.api.common.functions;

/** Chooses the target partition for a key; used by {@code DataStream#partitionCustom}. */
@FunctionalInterface
public interface Partitioner<K> extends Function {
    /** Returns a partition in {@code [0, numPartitions)}. */
    int partition(K key, int numPartitions);
}
