package dev.brook.runtime.io.network.partition;

/** A consumer asked for a partition that its producer has not registered (yet, or any more). */
public final class PartitionNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public PartitionNotFoundException(ResultPartitionID id) {
        super("Partition " + id + " is not registered with this TaskManager");
    }
}
