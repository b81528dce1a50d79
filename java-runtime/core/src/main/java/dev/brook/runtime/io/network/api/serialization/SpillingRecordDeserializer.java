package dev.brook.runtime.io.network.api.serialization;

import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.runtime.io.network.buffer.Buffer;
import java.util.Arrays;

/**
 * Cuts the length-prefixed elements out of a channel's buffers. An element that lies wholly within
 * one buffer is read in place; one that straddles buffers is first gathered into a spill array.
 *
 * <p>Threading model: one instance per input channel, used by the task thread.
 */
public final class SpillingRecordDeserializer {

    private final DataInputDeserializer view = new DataInputDeserializer();
    private Buffer current;
    private int position;
    private Buffer pendingRecycle;

    private byte[] spill = new byte[256];
    private int spillLength;
    private int spillFilled;
    private boolean spilling;

    /** Starts reading the next buffer of this channel. The previous one must be used up. */
    public void setNextBuffer(Buffer buffer) {
        this.current = buffer;
        this.position = 0;
    }

    public boolean hasBuffer() {
        return current != null;
    }

    /**
     * Points {@link #view()} at the next complete element and returns true, or returns false when
     * the buffer is used up (it is then recycled) before an element is complete.
     */
    public boolean nextElement() {
        Buffer buf = current;
        if (buf == null) {
            return false;
        }
        byte[] mem = buf.memory();
        int size = buf.size();
        if (spilling) {
            int n = Math.min(spillLength - spillFilled, size - position);
            System.arraycopy(mem, position, spill, spillFilled, n);
            spillFilled += n;
            position += n;
            if (spillFilled < spillLength) {
                releaseBuffer();
                return false;
            }
            spilling = false;
            view.setBuffer(spill, 0, spillLength);
            if (position >= size) {
                releaseBuffer();
            }
            return true;
        }
        if (position >= size) {
            releaseBuffer();
            return false;
        }
        int length =
                ((mem[position] & 0xFF) << 24)
                        | ((mem[position + 1] & 0xFF) << 16)
                        | ((mem[position + 2] & 0xFF) << 8)
                        | (mem[position + 3] & 0xFF);
        position += 4;
        if (size - position >= length) {
            view.setBuffer(mem, position, position + length);
            position += length;
            return true;
        }
        if (spill.length < length) {
            spill = Arrays.copyOf(spill, Math.max(length, spill.length * 2));
        }
        spillLength = length;
        spillFilled = size - position;
        System.arraycopy(mem, position, spill, 0, spillFilled);
        spilling = true;
        releaseBuffer();
        return false;
    }

    /**
     * The bytes of the element found by the last successful {@link #nextElement()}. When that
     * element lay in the buffer, the buffer stays alive until the next call.
     */
    public DataInputDeserializer view() {
        return view;
    }

    private void releaseBuffer() {
        if (current != null) {
            pendingRecycle = current;
            current = null;
        }
    }

    /** Recycles a used-up buffer once the element read from it has been deserialized. */
    public void recycleUsedBuffer() {
        if (pendingRecycle != null) {
            pendingRecycle.recycle();
            pendingRecycle = null;
        }
    }

    public void clear() {
        recycleUsedBuffer();
        if (current != null) {
            current.recycle();
            current = null;
        }
        spilling = false;
    }
}
