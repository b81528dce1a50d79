package dev.brook.runtime.io.network.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's side of one connection to a producing TaskManager: knows the {@link
 * RemoteInputChannel}s multiplexed over it, by receiver id, and decodes what the producer sends.
 *
 * <p>Buffer frames are decoded incrementally: once a header is in, the body is copied from Netty's
 * receive buffers straight into a free segment of the addressed channel, whatever way TCP splits
 * it, so each byte is copied once. Frames for a channel released meanwhile are skipped. A frame
 * with an unknown type or a buffer larger than a segment closes the connection.
 *
 * <p>When the connection fails or closes, every channel on it fails with an {@link IOException}
 * naming the producer's address, so no consumer waits for data that cannot come.
 *
 * <p>Threading model: decoding runs on the connection's event loop; channels register and
 * unregister from task threads.
 */
final class PartitionResponseHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionResponseHandler.class);

    /** The producer's data address, host:port, for messages. */
    private final String producer;

    private final int segmentSize;
    private final ConcurrentHashMap<Integer, RemoteInputChannel> channels =
            new ConcurrentHashMap<>();
    private final AtomicInteger nextReceiverId = new AtomicInteger();
    private volatile boolean closed;

    // Decoder state, event loop only.
    private final byte[] header = new byte[NettyMessage.HEADER_LENGTH];
    private int headerFill;
    private boolean inBody;
    private byte type;
    private int bodyRemaining;
    private RemoteInputChannel target;

    /** Where the body goes: the target's segment, an error message, or null to skip it. */
    private byte[] body;

    private int bodyFill;

    PartitionResponseHandler(String producer, int segmentSize) {
        this.producer = producer;
        this.segmentSize = segmentSize;
    }

    /** Adds a channel; its receiver id tags the frames of its subpartition on this connection. */
    int register(RemoteInputChannel channel) {
        int receiverId = nextReceiverId.getAndIncrement();
        channels.put(receiverId, channel);
        // Either the close sees the channel in the map, or the channel sees the close.
        if (closed && channels.remove(receiverId) != null) {
            channel.onConnectionFailure(new IOException("Connection closed"));
        }
        return receiverId;
    }

    void unregister(int receiverId) {
        channels.remove(receiverId);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            while (in.isReadable()) {
                if (!inBody) {
                    int n = Math.min(in.readableBytes(), header.length - headerFill);
                    in.readBytes(header, headerFill, n);
                    headerFill += n;
                    if (headerFill < header.length) {
                        return;
                    }
                    headerFill = 0;
                    startFrame();
                }
                readBody(in);
                if (bodyRemaining == 0) {
                    endFrame();
                }
            }
        } finally {
            in.release();
        }
    }

    private void startFrame() {
        int length = readInt(0);
        type = header[4];
        int receiverId = readInt(5);
        bodyRemaining = length - NettyMessage.TYPE_AND_RECEIVER_LENGTH;
        target = channels.get(receiverId);
        switch (type) {
            case NettyMessage.BUFFER -> {
                if (bodyRemaining < 1 || bodyRemaining > segmentSize) {
                    throw new TooLongFrameException(
                            "A buffer of "
                                    + bodyRemaining
                                    + " bytes does not fit a segment of "
                                    + segmentSize
                                    + " bytes: 'taskmanager.memory.segment-size' must be the"
                                    + " same on every TaskManager");
                }
                body = target == null ? null : target.segmentForIncomingBuffer();
            }
            case NettyMessage.PARTITION_NOT_FOUND -> {
                if (bodyRemaining != 0) {
                    throw new CorruptedFrameException(
                            "A partition-not-found frame has no body, got " + bodyRemaining);
                }
            }
            case NettyMessage.ERROR -> {
                if (bodyRemaining < 0 || bodyRemaining > NettyMessage.MAX_ERROR_MESSAGE_BYTES) {
                    throw new CorruptedFrameException(
                            "Error message of " + bodyRemaining + " bytes");
                }
                body = new byte[bodyRemaining];
            }
            default -> throw new CorruptedFrameException("Unknown response type " + type);
        }
        bodyFill = 0;
        inBody = true;
    }

    private int readInt(int offset) {
        return (header[offset] & 0xff) << 24
                | (header[offset + 1] & 0xff) << 16
                | (header[offset + 2] & 0xff) << 8
                | (header[offset + 3] & 0xff);
    }

    private void readBody(ByteBuf in) {
        int n = Math.min(in.readableBytes(), bodyRemaining);
        if (body != null) {
            in.readBytes(body, bodyFill, n);
            bodyFill += n;
        } else {
            in.skipBytes(n);
        }
        bodyRemaining -= n;
    }

    private void endFrame() {
        inBody = false;
        RemoteInputChannel channel = target;
        byte[] filled = body;
        target = null;
        body = null;
        if (channel == null) {
            return;
        }
        if (type == NettyMessage.BUFFER) {
            if (filled != null) {
                channel.onBuffer(filled, bodyFill);
            }
        } else if (type == NettyMessage.ERROR) {
            channel.onRemoteError(new String(filled, StandardCharsets.UTF_8));
        } else {
            channel.onPartitionNotFound();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        failAll(new IOException("Connection closed"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.info("Data connection to {} failed: {}", producer, cause.toString());
        } else if (cause instanceof DecoderException) {
            LOG.error(
                    "Closing the data connection to {}: malformed frame: {}",
                    producer,
                    cause.getMessage());
        } else {
            LOG.error("Closing the data connection to {}", producer, cause);
        }
        failAll(cause);
        ctx.close();
    }

    /** Fails every channel on this connection, once; later registrations fail at once. */
    private void failAll(Throwable cause) {
        closed = true;
        if (type == NettyMessage.BUFFER && body != null) {
            // A buffer cut off mid-way: its segment goes back to its channel.
            target.returnSegment(body);
        }
        target = null;
        body = null;
        for (Integer receiverId : channels.keySet()) {
            RemoteInputChannel channel = channels.remove(receiverId);
            if (channel != null) {
                channel.onConnectionFailure(cause);
            }
        }
    }
}
