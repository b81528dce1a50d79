package dev.brook.runtime.io.network.buffer;

/** Takes back a memory segment once the buffer that used it has been consumed. */
@FunctionalInterface
public interface BufferRecycler {
    /** May be called from any thread. */
    void recycle(byte[] segment);
}
