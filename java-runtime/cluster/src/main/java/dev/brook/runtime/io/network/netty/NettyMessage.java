package dev.brook.runtime.io.network.netty;

import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.io.network.partition.ResultPartitionID;
import dev.brook.runtime.jobgraph.IntermediateDataSetID;
import dev.brook.runtime.jobgraph.JobVertexID;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;

/**
 * The wire format of the data shuffle. Every frame, in both directions, is
 *
 * <pre>
 *   int  length       bytes that follow this field
 *   byte type
 *   int  receiverId   the consumer's channel, unique per connection
 *   ...  body
 * </pre>
 *
 * Consumer to producer: {@link #PARTITION_REQUEST} (partition id, subpartition index, initial
 * credit), {@link #ADD_CREDIT} (credit) and {@link #CANCEL} (no body). Producer to consumer: {@link
 * #BUFFER} (the buffer's bytes, nothing else: the transport never looks inside), {@link
 * #PARTITION_NOT_FOUND} (no body) and {@link #ERROR} (a UTF-8 message). Integers are big-endian;
 * strings are an unsigned short byte count and UTF-8.
 *
 * <p>Requests are small and decoded whole ({@link #decodeRequest}); buffers are large and decoded
 * incrementally by {@link PartitionResponseHandler}, straight into the consumer's segment.
 */
final class NettyMessage {

    static final byte PARTITION_REQUEST = 1;
    static final byte ADD_CREDIT = 2;
    static final byte CANCEL = 3;
    static final byte BUFFER = 10;
    static final byte PARTITION_NOT_FOUND = 11;
    static final byte ERROR = 12;

    /** Length field, type and receiver id. */
    static final int HEADER_LENGTH = 9;

    /** Type and receiver id: the part of the header the length field counts. */
    static final int TYPE_AND_RECEIVER_LENGTH = 5;

    /** Largest request frame, length field included: ids are short strings. */
    static final int MAX_REQUEST_FRAME = 4096;

    /** Largest error message body; longer messages are cut. */
    static final int MAX_ERROR_MESSAGE_BYTES = 8192;

    private NettyMessage() {}

    /** What a consumer asks of a producer; decoded on the producer's side. */
    sealed interface Request permits PartitionRequest, AddCredit, CancelPartitionRequest {
        int receiverId();
    }

    /** Opens a reader over one subpartition; {@code credit} buffers may be sent at once. */
    record PartitionRequest(
            int receiverId, ResultPartitionID partitionId, int subpartitionIndex, int credit)
            implements Request {}

    /** The consumer has freed {@code credit} more buffers. */
    record AddCredit(int receiverId, int credit) implements Request {}

    /** The consumer is done; the producer releases its view. */
    record CancelPartitionRequest(int receiverId) implements Request {}

    static ByteBuf partitionRequest(ByteBufAllocator alloc, PartitionRequest request) {
        ResultPartitionID id = request.partitionId();
        String dataSet = id.dataSetId().id();
        String vertex = id.producer().vertexId().id();
        int body = 2 + ByteBufUtil.utf8Bytes(dataSet) + 2 + ByteBufUtil.utf8Bytes(vertex) + 4 * 4;
        ByteBuf buf = header(alloc, PARTITION_REQUEST, request.receiverId(), body);
        writeString(buf, dataSet);
        writeString(buf, vertex);
        buf.writeInt(id.producer().subtaskIndex());
        buf.writeInt(id.producer().attemptNumber());
        buf.writeInt(request.subpartitionIndex());
        buf.writeInt(request.credit());
        return buf;
    }

    static ByteBuf addCredit(ByteBufAllocator alloc, int receiverId, int credit) {
        return header(alloc, ADD_CREDIT, receiverId, 4).writeInt(credit);
    }

    static ByteBuf cancel(ByteBufAllocator alloc, int receiverId) {
        return header(alloc, CANCEL, receiverId, 0);
    }

    /** The header of a buffer frame; the buffer's bytes follow as a separate write. */
    static ByteBuf bufferHeader(ByteBufAllocator alloc, int receiverId, int size) {
        return header(alloc, BUFFER, receiverId, size);
    }

    static ByteBuf partitionNotFound(ByteBufAllocator alloc, int receiverId) {
        return header(alloc, PARTITION_NOT_FOUND, receiverId, 0);
    }

    static ByteBuf error(ByteBufAllocator alloc, int receiverId, String message) {
        // A char takes at most three UTF-8 bytes.
        String cut =
                message.length() > MAX_ERROR_MESSAGE_BYTES / 3
                        ? message.substring(0, MAX_ERROR_MESSAGE_BYTES / 3)
                        : message;
        int body = ByteBufUtil.utf8Bytes(cut);
        ByteBuf buf = header(alloc, ERROR, receiverId, body);
        buf.writeCharSequence(cut, StandardCharsets.UTF_8);
        return buf;
    }

    private static ByteBuf header(ByteBufAllocator alloc, byte type, int receiverId, int body) {
        ByteBuf buf = alloc.buffer(HEADER_LENGTH + (type == BUFFER ? 0 : body));
        buf.writeInt(TYPE_AND_RECEIVER_LENGTH + body);
        buf.writeByte(type);
        buf.writeInt(receiverId);
        return buf;
    }

    private static void writeString(ByteBuf buf, String s) {
        buf.writeShort(ByteBufUtil.utf8Bytes(s));
        buf.writeCharSequence(s, StandardCharsets.UTF_8);
    }

    /**
     * Decodes one request frame (without its length field).
     *
     * @throws CorruptedFrameException if the frame is not a well-formed request
     */
    static Request decodeRequest(ByteBuf frame) {
        need(frame, TYPE_AND_RECEIVER_LENGTH, "header");
        byte type = frame.readByte();
        int receiverId = frame.readInt();
        if (receiverId < 0) {
            throw new CorruptedFrameException("Negative receiver id " + receiverId);
        }
        Request request =
                switch (type) {
                    case PARTITION_REQUEST -> {
                        String dataSet = readString(frame);
                        String vertex = readString(frame);
                        need(frame, 16, "partition request");
                        int subtask = frame.readInt();
                        int attempt = frame.readInt();
                        int subpartition = frame.readInt();
                        int credit = frame.readInt();
                        if (subtask < 0 || attempt < 0 || subpartition < 0 || credit < 1) {
                            throw new CorruptedFrameException(
                                    "Partition request with a negative index or no credit");
                        }
                        yield new PartitionRequest(
                                receiverId,
                                new ResultPartitionID(
                                        new IntermediateDataSetID(dataSet),
                                        new ExecutionAttemptID(
                                                new JobVertexID(vertex), subtask, attempt)),
                                subpartition,
                                credit);
                    }
                    case ADD_CREDIT -> {
                        need(frame, 4, "credit");
                        int credit = frame.readInt();
                        if (credit < 1) {
                            throw new CorruptedFrameException("Credit must be positive: " + credit);
                        }
                        yield new AddCredit(receiverId, credit);
                    }
                    case CANCEL -> new CancelPartitionRequest(receiverId);
                    default -> throw new CorruptedFrameException("Unknown request type " + type);
                };
        if (frame.isReadable()) {
            throw new CorruptedFrameException(
                    frame.readableBytes() + " unexpected bytes after a request of type " + type);
        }
        return request;
    }

    private static String readString(ByteBuf frame) {
        need(frame, 2, "string length");
        int length = frame.readUnsignedShort();
        need(frame, length, "string");
        return frame.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    private static void need(ByteBuf frame, int bytes, String what) {
        if (frame.readableBytes() < bytes) {
            throw new CorruptedFrameException(
                    "Frame too short: "
                            + what
                            + " needs "
                            + bytes
                            + " bytes, "
                            + frame.readableBytes()
                            + " left");
        }
    }
}
