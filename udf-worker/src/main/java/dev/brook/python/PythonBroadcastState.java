package dev.brook.python;

import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.OperatorStateStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Java side of a Python broadcast operator's broadcast states: each is a {@code
 * BroadcastState<PythonKey, byte[]>} of the operator state backend (pickled map keys, compared by
 * content, to pickled values), so checkpoints cover it and a restore hands every subtask a copy.
 *
 * <p>Broadcast state is small and only its own subtask changes it, so the worker holds it whole:
 * {@link #contents} is sent once when the operator opens ({@link Frames#BROADCAST_STATE}), and the
 * worker's changes come back at the end of each bundle, after the keyed writes, in the tail of
 * BUNDLE_DONE.
 *
 * <p>Wire formats. Contents: {@code int32 states}, then per state in declaration order {@code int32
 * n} and n {@code (bytes key, bytes value)}. Writes: {@code int32 n} and n {@code (byte op, int32
 * state index, op arguments)}: {@link #PUT} {@code bytes key, bytes value}, {@link #REMOVE} {@code
 * bytes key}, {@link #CLEAR} none. {@code bytes} is an int32 length and that many bytes.
 *
 * <p>Threading model: task thread only.
 */
final class PythonBroadcastState {

    static final byte PUT = 1;
    static final byte REMOVE = 2;
    static final byte CLEAR = 3;

    private final List<BroadcastState<PythonKey, byte[]>> states = new ArrayList<>();

    /** Registers (or, after a restore, finds) the broadcast states named {@code names}. */
    PythonBroadcastState(OperatorStateStore backend, List<String> names) throws Exception {
        for (String name : names) {
            states.add(backend.getBroadcastState(PythonBroadcastOperator.stateDescriptor(name)));
        }
    }

    /** Every entry of every state, for the worker's copy. */
    byte[] contents() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(states.size());
        for (BroadcastState<PythonKey, byte[]> state : states) {
            List<Map.Entry<PythonKey, byte[]>> entries = new ArrayList<>();
            for (Map.Entry<PythonKey, byte[]> entry : state.entries()) {
                entries.add(entry);
            }
            out.writeInt(entries.size());
            for (Map.Entry<PythonKey, byte[]> entry : entries) {
                writeBytes(out, (byte[]) entry.getKey().getValue());
                writeBytes(out, entry.getValue());
            }
        }
        return bytes.toByteArray();
    }

    /** Applies the worker's changes of one bundle. */
    void write(ByteBuffer writes) throws Exception {
        int count = writes.getInt();
        for (int i = 0; i < count; i++) {
            byte op = writes.get();
            int index = writes.getInt();
            if (index < 0 || index >= states.size()) {
                throw new IllegalStateException(
                        "The Python worker wrote unknown broadcast state " + index);
            }
            BroadcastState<PythonKey, byte[]> state = states.get(index);
            switch (op) {
                case PUT ->
                        state.put(
                                new PythonKey(Frames.readValue(writes)), Frames.readValue(writes));
                case REMOVE -> state.remove(new PythonKey(Frames.readValue(writes)));
                case CLEAR -> state.clear();
                default -> throw new IllegalStateException("Unknown broadcast state write " + op);
            }
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
