package dev.brook.runtime.io.network.partition.consumer;

import dev.brook.runtime.io.network.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The input of one consuming subtask for one job edge: one channel per producer subpartition it
 * reads. Channels with data wait in a queue; the task takes one buffer at a time and puts the
 * channel back at the end if it has more, so channels are served round-robin.
 *
 * <p>Threading model: {@link #pollNext} and {@link #getAvailableFuture} run on the task thread;
 * {@link #notifyChannelNonEmpty} on producer or network threads. The queue's monitor guards the
 * queue, each channel's {@code queued} flag, and the availability future.
 */
public final class SingleInputGate {

    private final String owner;
    private final int gateIndex;
    private InputChannel[] channels;
    private final ArrayDeque<InputChannel> withData = new ArrayDeque<>();
    private CompletableFuture<Void> availability;
    private InputChannel lastChannel;

    public SingleInputGate(String owner, int gateIndex) {
        this.owner = owner;
        this.gateIndex = gateIndex;
    }

    public void setChannels(InputChannel[] channels) {
        this.channels = channels;
    }

    public int getGateIndex() {
        return gateIndex;
    }

    public int getNumberOfChannels() {
        return channels.length;
    }

    public InputChannel getChannel(int index) {
        return channels[index];
    }

    /** Connects every channel to its producer. */
    public void requestPartitions() throws IOException, InterruptedException {
        for (InputChannel c : channels) {
            c.requestSubpartition();
        }
    }

    /**
     * The next buffer from any channel, or null if none has data now. {@link #lastChannel()} tells
     * which channel it came from.
     */
    public Buffer pollNext() throws IOException {
        while (true) {
            InputChannel channel;
            synchronized (withData) {
                channel = withData.poll();
                if (channel == null) {
                    return null;
                }
                channel.queued = false;
            }
            Buffer buffer = channel.pollBuffer();
            if (channel.hasBuffers()) {
                enqueue(channel);
            }
            if (buffer != null) {
                lastChannel = channel;
                return buffer;
            }
        }
    }

    public InputChannel lastChannel() {
        return lastChannel;
    }

    /** Complete when some channel has data. */
    public CompletableFuture<Void> getAvailableFuture() {
        synchronized (withData) {
            if (!withData.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (availability == null) {
                availability = new CompletableFuture<>();
            }
            return availability;
        }
    }

    void notifyChannelNonEmpty(InputChannel channel) {
        enqueue(channel);
    }

    private void enqueue(InputChannel channel) {
        CompletableFuture<Void> toComplete = null;
        synchronized (withData) {
            if (channel.queued) {
                return;
            }
            channel.queued = true;
            withData.add(channel);
            if (availability != null) {
                toComplete = availability;
                availability = null;
            }
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    public void release() {
        if (channels != null) {
            for (InputChannel c : channels) {
                c.release();
            }
        }
    }

    @Override
    public String toString() {
        return "input gate " + gateIndex + " of " + owner;
    }
}
