package dev.brook.streaming.runtime.tasks;

import dev.brook.runtime.io.network.api.serialization.SpillingRecordDeserializer;
import dev.brook.runtime.io.network.buffer.Buffer;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import dev.brook.streaming.runtime.streamrecord.StreamElement;
import dev.brook.streaming.runtime.streamrecord.StreamElementSerializer;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Turns the buffers of one input gate into stream elements, remembering their channel.
 *
 * <p>Channels can be blocked while checkpoint barriers are aligned: the rest of a blocked channel's
 * current buffer stays in its deserializer and its further buffers are parked, in order, until
 * {@link #unblockAll()}; then the reader drains those channels before it polls the gate again.
 */
final class GateReader {

    final SingleInputGate gate;
    final int inputIndex;

    /** Index of this gate's first channel among all channels of the same logical input. */
    final int channelOffset;

    private final StreamElementSerializer<?> serializer;
    private final SpillingRecordDeserializer[] deserializers;
    private SpillingRecordDeserializer current;
    private int currentChannel;
    private int finishedChannels;

    private final boolean[] blocked;
    private final ArrayDeque<Buffer>[] parked;

    /** Channels unblocked with data left in their deserializer or parked buffers. */
    private final ArrayDeque<Integer> resumed = new ArrayDeque<>();

    private int blockedChannels;

    @SuppressWarnings({"unchecked", "rawtypes"})
    GateReader(
            SingleInputGate gate,
            int inputIndex,
            int channelOffset,
            StreamElementSerializer<?> serializer) {
        this.gate = gate;
        this.inputIndex = inputIndex;
        this.channelOffset = channelOffset;
        this.serializer = serializer;
        int channels = gate.getNumberOfChannels();
        this.deserializers = new SpillingRecordDeserializer[channels];
        this.blocked = new boolean[channels];
        this.parked = new ArrayDeque[channels];
        for (int i = 0; i < channels; i++) {
            deserializers[i] = new SpillingRecordDeserializer();
            parked[i] = new ArrayDeque<>();
        }
    }

    /** The next element, or null when no unblocked channel has one now. */
    StreamElement next() throws IOException {
        while (true) {
            SpillingRecordDeserializer d = current;
            if (d != null) {
                if (d.nextElement()) {
                    StreamElement e = serializer.deserialize(d.view());
                    d.recycleUsedBuffer();
                    return e;
                }
                d.recycleUsedBuffer();
                Buffer next = parked[currentChannel].poll();
                if (next != null) {
                    d.setNextBuffer(next);
                    continue;
                }
                current = null;
            }
            Integer channel = resumed.poll();
            if (channel != null) {
                currentChannel = channel;
                current = deserializers[channel];
                continue;
            }
            Buffer buffer = gate.pollNext();
            if (buffer == null) {
                return null;
            }
            int ch = gate.lastChannel().getChannelIndex();
            if (blocked[ch]) {
                parked[ch].add(buffer);
                continue;
            }
            currentChannel = ch;
            current = deserializers[ch];
            current.setNextBuffer(buffer);
        }
    }

    /** Channel of the last element, within this gate. */
    int currentChannel() {
        return currentChannel;
    }

    int numberOfChannels() {
        return deserializers.length;
    }

    /**
     * Stops reading {@code channel} (within this gate) until {@link #unblockAll()}: its barrier has
     * arrived and what follows belongs to the next checkpoint.
     */
    void block(int channel) {
        if (blocked[channel]) {
            return;
        }
        blocked[channel] = true;
        blockedChannels++;
        if (current == deserializers[channel]) {
            current = null;
        }
    }

    /** Resumes every blocked channel, each with what it held back, in order. */
    void unblockAll() {
        if (blockedChannels == 0) {
            return;
        }
        for (int ch = 0; ch < blocked.length; ch++) {
            if (blocked[ch]) {
                blocked[ch] = false;
                resumed.add(ch);
            }
        }
        blockedChannels = 0;
    }

    /** Marks the current channel finished; true when every channel of the gate is. */
    boolean channelFinished() {
        return ++finishedChannels == deserializers.length;
    }

    boolean isFinished() {
        return finishedChannels == deserializers.length;
    }

    /** Whether elements are held back in this reader (resumed channels not yet drained). */
    boolean hasResumedData() {
        return !resumed.isEmpty() || current != null;
    }

    void close() {
        for (int i = 0; i < deserializers.length; i++) {
            deserializers[i].clear();
            Buffer b;
            while ((b = parked[i].poll()) != null) {
                b.recycle();
            }
        }
        gate.release();
    }
}
