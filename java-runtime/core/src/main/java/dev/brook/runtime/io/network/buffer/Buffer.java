package dev.brook.runtime.io.network.buffer;

/**
 * A filled network buffer: {@code size} bytes of length-prefixed serialized stream elements in a
 * pooled memory segment. Exactly one party owns a buffer at a time; the last owner calls {@link
 * #recycle()} to give the segment back to its pool.
 */
public final class Buffer {

    private final byte[] memory;
    private final int size;
    private final BufferRecycler recycler;

    public Buffer(byte[] memory, int size, BufferRecycler recycler) {
        this.memory = memory;
        this.size = size;
        this.recycler = recycler;
    }

    public byte[] memory() {
        return memory;
    }

    public int size() {
        return size;
    }

    public void recycle() {
        recycler.recycle(memory);
    }
}
