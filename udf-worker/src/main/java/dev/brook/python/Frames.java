package dev.brook.python;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The frames of the worker protocol. Every message on a worker's two streams is one frame: a type
 * byte, the 4-byte big-endian id of the operator instance it belongs to (0 for frames about the
 * whole worker), and a payload. The state stream ({@code /brook.udf.PythonWorker/State}) carries
 * {@link #STATE_DECLARE} and {@link #STATE_REQUEST} and their {@link #STATE_REPLY}s (a
 * declaration's is empty); the data stream ({@code /brook.udf.PythonWorker/Data}) everything else.
 * Both start with the worker's HELLO. The worker program's {@code brook_worker/protocol.py} mirrors
 * these constants.
 *
 * <p>Java to worker: {@link #OPEN} (JSON: the function chain, types, keyed, task facts), {@link
 * #BATCH} (Arrow IPC stream of input rows), {@link #END_BUNDLE} (int64 bundle id), {@link
 * #STATE_REPLY} (see {@link PythonKeyedState}), {@link #WATERMARK} (int64, before the timers it
 * fires), {@link #BROADCAST_STATE} (after OPEN, the broadcast states' contents; see {@link
 * PythonBroadcastState}), {@link #CLOSE}.
 *
 * <p>Worker to Java: {@link #HELLO} (JSON {@code {"worker_id","token"}}), {@link #OUTPUT} (Arrow
 * IPC stream of results, exactly one per BATCH, possibly without rows: it doubles as the batch's
 * acknowledgement for flow control), {@link #STATE_DECLARE}, {@link #STATE_REQUEST} (see {@link
 * PythonKeyedState}), {@link #TIMERS} (int32 n, n × (byte operation, int32 key id, int64 time,
 * int32 length, namespace bytes)), {@link #BUNDLE_DONE} (int64 bundle id, then the bundle's keyed
 * state writes as {@link PythonKeyedState} reads them, then its broadcast state writes as {@link
 * PythonBroadcastState} reads them, each only if the operator has such state), {@link #METRICS}
 * (JSON, before a BUNDLE_DONE whose bundle changed the functions' metrics; see {@link
 * PythonMetrics}), {@link #ERROR} (UTF-8 traceback), {@link #HEARTBEAT} (every second).
 */
final class Frames {

    static final byte OPEN = 1;
    static final byte BATCH = 2;
    static final byte END_BUNDLE = 3;
    static final byte STATE_REPLY = 4;
    static final byte CLOSE = 5;
    static final byte WATERMARK = 6;
    static final byte BROADCAST_STATE = 7;

    static final byte HELLO = 20;
    static final byte OUTPUT = 21;
    static final byte STATE_REQUEST = 22;
    static final byte BUNDLE_DONE = 23;
    static final byte ERROR = 24;
    static final byte HEARTBEAT = 25;
    static final byte STATE_DECLARE = 26;
    static final byte TIMERS = 27;
    static final byte METRICS = 28;

    /** Bytes before a frame's payload. */
    static final int HEADER = 5;

    private Frames() {}

    static byte[] frame(byte type, int operatorId, byte[] payload) {
        byte[] frame = new byte[HEADER + payload.length];
        ByteBuffer.wrap(frame).put(type).putInt(operatorId).put(payload);
        return frame;
    }

    static byte type(byte[] frame) {
        return frame[0];
    }

    static int operatorId(byte[] frame) {
        return ByteBuffer.wrap(frame, 1, 4).getInt();
    }

    /** The payload, positioned at its start. */
    static ByteBuffer payload(byte[] frame) {
        return ByteBuffer.wrap(frame, HEADER, frame.length - HEADER).slice();
    }

    static byte[] payloadBytes(byte[] frame) {
        byte[] payload = new byte[frame.length - HEADER];
        System.arraycopy(frame, HEADER, payload, 0, payload.length);
        return payload;
    }

    static String payloadText(byte[] frame) {
        return new String(frame, HEADER, frame.length - HEADER, StandardCharsets.UTF_8);
    }

    /** A value of length-prefixed bytes, null for length -1. */
    static byte[] readValue(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0) {
            return null;
        }
        byte[] value = new byte[length];
        buffer.get(value);
        return value;
    }
}
