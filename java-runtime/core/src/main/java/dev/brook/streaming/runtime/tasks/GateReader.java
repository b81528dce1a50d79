package dev.brook.streaming.runtime.tasks;

import dev.brook.runtime.io.network.api.serialization.SpillingRecordDeserializer;
import dev.brook.runtime.io.network.buffer.Buffer;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import dev.brook.streaming.runtime.streamrecord.StreamElement;
import dev.brook.streaming.runtime.streamrecord.StreamElementSerializer;
import java.io.IOException;

/** Turns the buffers of one input gate into stream elements, remembering their channel. */
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

    GateReader(
            SingleInputGate gate,
            int inputIndex,
            int channelOffset,
            StreamElementSerializer<?> serializer) {
        this.gate = gate;
        this.inputIndex = inputIndex;
        this.channelOffset = channelOffset;
        this.serializer = serializer;
        this.deserializers = new SpillingRecordDeserializer[gate.getNumberOfChannels()];
        for (int i = 0; i < deserializers.length; i++) {
            deserializers[i] = new SpillingRecordDeserializer();
        }
    }

    /** The next element, or null when no channel has one now. */
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
                current = null;
            }
            Buffer buffer = gate.pollNext();
            if (buffer == null) {
                return null;
            }
            currentChannel = gate.lastChannel().getChannelIndex();
            current = deserializers[currentChannel];
            current.setNextBuffer(buffer);
        }
    }

    /** Channel of the last element, within this gate. */
    int currentChannel() {
        return currentChannel;
    }

    /** Marks the current channel finished; true when every channel of the gate is. */
    boolean channelFinished() {
        return ++finishedChannels == deserializers.length;
    }

    boolean isFinished() {
        return finishedChannels == deserializers.length;
    }

    void close() {
        for (SpillingRecordDeserializer d : deserializers) {
            d.clear();
        }
        gate.release();
    }
}
