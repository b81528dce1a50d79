package dev.brook.runtime.io.network.netty;

import dev.brook.runtime.io.network.buffer.Buffer;
import dev.brook.runtime.io.network.partition.PartitionNotFoundException;
import dev.brook.runtime.io.network.partition.ResultPartitionManager;
import dev.brook.runtime.io.network.partition.ResultSubpartitionView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's side of one connection: serves the partition requests of one consuming TaskManager
 * out of this TaskManager's {@link ResultPartitionManager}, with credit-based flow control. Each
 * request gets a reader over its subpartition's view; a reader sends a buffer only while its
 * consumer has credit (a free buffer waiting for it), so a slow consumer leaves the buffers in the
 * subpartition, the producing task runs out of buffers in its pool and blocks. A buffer is recycled
 * into the producer's pool once Netty has written it.
 *
 * <p>Threading model: everything runs on the connection's event loop, except the views'
 * availability notices, which come from producing task threads and are handed to the event loop.
 * Readers with data and credit wait in a queue and are served round-robin, one buffer at a time,
 * while the socket accepts data; one flush follows each round.
 *
 * <p>Lifecycle: a reader lives from its request until its consumer cancels it or the connection
 * closes; either releases its view.
 */
final class PartitionRequestServerHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRequestServerHandler.class);

    private final ResultPartitionManager partitions;
    private final Map<Integer, SubpartitionReader> readers = new HashMap<>();
    private final ArrayDeque<SubpartitionReader> withDataAndCredit = new ArrayDeque<>();
    private ChannelHandlerContext ctx;

    PartitionRequestServerHandler(ResultPartitionManager partitions) {
        this.partitions = partitions;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        NettyMessage.Request request;
        try {
            request = NettyMessage.decodeRequest(frame);
        } finally {
            frame.release();
        }
        if (request instanceof NettyMessage.PartitionRequest r) {
            open(r);
        } else if (request instanceof NettyMessage.AddCredit r) {
            addCredit(r.receiverId(), r.credit());
        } else {
            cancel(request.receiverId());
        }
    }

    private void open(NettyMessage.PartitionRequest request) {
        int receiverId = request.receiverId();
        if (readers.containsKey(receiverId)) {
            ctx.writeAndFlush(
                    NettyMessage.error(
                            ctx.alloc(),
                            receiverId,
                            "Receiver " + receiverId + " already reads a subpartition"));
            return;
        }
        ResultSubpartitionView view;
        try {
            view =
                    partitions.createSubpartitionView(
                            request.partitionId(),
                            request.subpartitionIndex(),
                            () -> notifyDataAvailable(receiverId));
        } catch (PartitionNotFoundException e) {
            ctx.writeAndFlush(NettyMessage.partitionNotFound(ctx.alloc(), receiverId));
            return;
        } catch (RuntimeException e) {
            // No such subpartition, or it has a consumer already: the consumer's deployment is
            // wrong and retrying will not help.
            ctx.writeAndFlush(NettyMessage.error(ctx.alloc(), receiverId, e.getMessage()));
            return;
        }
        // Data already queued is announced through the listener, on this event loop, later.
        readers.put(receiverId, new SubpartitionReader(receiverId, view, request.credit()));
    }

    /** Called by the producing task's thread. */
    private void notifyDataAvailable(int receiverId) {
        try {
            ctx.executor().execute(() -> onDataAvailable(receiverId));
        } catch (RejectedExecutionException e) {
            // The TaskManager is shutting down; its connections and their readers go with it.
        }
    }

    private void onDataAvailable(int receiverId) {
        SubpartitionReader reader = readers.get(receiverId);
        if (reader != null && reader.credit > 0) {
            enqueue(reader);
            writeBuffers();
        }
    }

    private void addCredit(int receiverId, int credit) {
        SubpartitionReader reader = readers.get(receiverId);
        if (reader == null) {
            // Cancelled, or its request was turned away; the credit is moot.
            return;
        }
        reader.credit += credit;
        if (reader.view.hasBuffers()) {
            enqueue(reader);
            writeBuffers();
        }
    }

    private void cancel(int receiverId) {
        SubpartitionReader reader = readers.remove(receiverId);
        if (reader != null) {
            reader.release();
        }
    }

    private void enqueue(SubpartitionReader reader) {
        if (!reader.queued) {
            reader.queued = true;
            withDataAndCredit.add(reader);
        }
    }

    /**
     * Writes one buffer per reader in turn while the socket takes data, then flushes once. Netty's
     * outbound buffer counts unflushed writes, so a round ends after about a high-water mark of
     * data, and {@link #channelWritabilityChanged} starts the next.
     */
    private void writeBuffers() {
        boolean wrote = false;
        while (ctx.channel().isWritable()) {
            SubpartitionReader reader = withDataAndCredit.poll();
            if (reader == null) {
                break;
            }
            reader.queued = false;
            if (reader.released || reader.credit == 0) {
                continue;
            }
            Buffer buffer = reader.view.poll();
            if (buffer == null) {
                continue;
            }
            reader.credit--;
            ctx.write(NettyMessage.bufferHeader(ctx.alloc(), reader.receiverId, buffer.size()));
            ctx.write(Unpooled.wrappedBuffer(buffer.memory(), 0, buffer.size()))
                    .addListener(f -> buffer.recycle());
            wrote = true;
            if (reader.credit > 0 && reader.view.hasBuffers()) {
                enqueue(reader);
            }
        }
        if (wrote) {
            ctx.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            writeBuffers();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (SubpartitionReader reader : readers.values()) {
            reader.release();
        }
        readers.clear();
        withDataAndCredit.clear();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            LOG.error(
                    "Closing the data connection from {}: malformed frame: {}",
                    ctx.channel().remoteAddress(),
                    cause.getMessage());
        } else if (cause instanceof IOException) {
            LOG.info(
                    "Data connection from {} failed: {}",
                    ctx.channel().remoteAddress(),
                    cause.toString());
        } else {
            LOG.error("Closing the data connection from {}", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    /** One consumer's subpartition on this connection; touched only on the event loop. */
    private static final class SubpartitionReader {
        final int receiverId;
        final ResultSubpartitionView view;

        /** Buffers the consumer has room for. */
        int credit;

        /** Whether it sits in {@link #withDataAndCredit}. */
        boolean queued;

        boolean released;

        SubpartitionReader(int receiverId, ResultSubpartitionView view, int credit) {
            this.receiverId = receiverId;
            this.view = view;
            this.credit = credit;
        }

        void release() {
            released = true;
            view.release();
        }
    }
}
