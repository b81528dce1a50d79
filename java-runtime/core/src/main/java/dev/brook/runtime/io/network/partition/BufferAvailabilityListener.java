package dev.brook.runtime.io.network.partition;

/** Told when a subpartition that was empty has a buffer again. Called from the producer thread. */
@FunctionalInterface
public interface BufferAvailabilityListener {
    void notifyDataAvailable();
}
