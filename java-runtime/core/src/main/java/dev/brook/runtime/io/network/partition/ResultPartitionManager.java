package dev.brook.runtime.io.network.partition;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The partitions produced on one TaskManager (or shared by the TaskManagers of a MiniCluster), by
 * id. Producers register when their task is deployed; consumers look them up to open a view.
 *
 * <p>Threading model: thread-safe.
 */
public final class ResultPartitionManager {

    private final ConcurrentHashMap<ResultPartitionID, ResultPartition> partitions =
            new ConcurrentHashMap<>();

    public void register(ResultPartition partition) {
        if (partitions.putIfAbsent(partition.getId(), partition) != null) {
            throw new IllegalStateException("Partition " + partition.getId() + " registered twice");
        }
    }

    public ResultSubpartitionView createSubpartitionView(
            ResultPartitionID id, int subpartitionIndex, BufferAvailabilityListener listener)
            throws PartitionNotFoundException {
        ResultPartition partition = partitions.get(id);
        if (partition == null) {
            throw new PartitionNotFoundException(id);
        }
        return partition.createView(subpartitionIndex, listener);
    }

    void unregister(ResultPartitionID id) {
        ResultPartition removed = partitions.remove(id);
        if (removed != null) {
            removed.onFullyConsumed();
        }
    }

    public int numberOfRegisteredPartitions() {
        return partitions.size();
    }
}
