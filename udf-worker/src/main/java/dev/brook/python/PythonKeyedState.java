package dev.brook.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.state.StateTtlConfig;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import dev.brook.runtime.state.InternalKvState;
import dev.brook.runtime.state.KeyedStateBackend;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java side of a Python operator's keyed state: every state a Python function declares lives
 * here, in the operator's keyed state backend, so checkpoints and TTL cover it.
 *
 * <p>Values cross as opaque pickled bytes. A Python {@code ValueState}, {@code ReducingState} and
 * {@code AggregatingState} is a {@code ValueState<byte[]>} (reducing and aggregating happen in
 * Python on the cached value), a {@code ListState} a {@code ListState<byte[]>}, a {@code MapState}
 * a {@code MapState<PythonKey, byte[]>} keyed by the pickled map key. Every state is namespaced by
 * bytes the worker chooses (the empty namespace outside windows, the encoded window inside), held
 * as a {@link PythonKey} so it compares by content.
 *
 * <p>Wire formats (payloads of {@link Frames#STATE_DECLARE}, {@link Frames#STATE_REQUEST} and
 * {@link Frames#BUNDLE_DONE}): a declaration is JSON {@code {"id","name","kind","ttl"}}; a request
 * is {@code int32 request id, int32 n} and n reads {@code (byte op, int32 key id, int32 state id,
 * bytes namespace[, bytes map key])}, answered in order by {@code bytes} ({@link #GET}, {@link
 * #MAP_GET}) or {@code int32 count} and that many {@code bytes} or {@code (bytes, bytes)} ({@link
 * #LIST}, {@link #MAP_ALL}); writes are {@code int32 n} and n {@code (byte op, int32 key id, int32
 * state id, bytes namespace, op arguments)}. {@code bytes} is an int32 length (-1 for none) and
 * that many bytes. Key ids name the keys of the current bundle.
 *
 * <p>Threading model: task thread only.
 */
final class PythonKeyedState {

    static final byte GET = 1;
    static final byte LIST = 2;
    static final byte MAP_GET = 3;
    static final byte MAP_ALL = 4;

    static final byte SET = 1;
    static final byte CLEAR = 2;
    static final byte LIST_SET = 3;
    static final byte LIST_ADD = 4;
    static final byte MAP_PUT = 5;
    static final byte MAP_REMOVE = 6;

    /** Namespaces and pickled map keys: bytes compared by content. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final TypeSerializer<PythonKey> BYTES =
            new PythonKeySerializer((TypeSerializer) BytePrimitiveArraySerializer.INSTANCE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyedStateBackend<Object> backend;
    private final Map<Integer, Declared> states = new HashMap<>();

    /** A declared state; one with a time-to-live is not namespaced (the backends' TTL is not). */
    private record Declared(String name, String kind, State state, boolean namespaced) {}

    PythonKeyedState(KeyedStateBackend<Object> backend) {
        this.backend = backend;
    }

    /** A state the worker declared; the same name twice reuses the state. */
    void declare(byte[] json) throws IOException {
        JsonNode spec = JSON.readTree(json);
        int id = spec.path("id").asInt();
        String name = spec.path("name").asText();
        String kind = spec.path("kind").asText();
        StateDescriptor<?, ?> descriptor =
                switch (kind) {
                    case "value", "reducing", "aggregating" ->
                            new ValueStateDescriptor<>(name, BytePrimitiveArraySerializer.INSTANCE);
                    case "list" ->
                            new ListStateDescriptor<>(name, BytePrimitiveArraySerializer.INSTANCE);
                    case "map" ->
                            new MapStateDescriptor<>(
                                    name, BYTES, BytePrimitiveArraySerializer.INSTANCE);
                    default ->
                            throw new IllegalArgumentException(
                                    "Unknown kind '"
                                            + kind
                                            + "' of the Python state '"
                                            + name
                                            + "'");
                };
        JsonNode ttl = spec.path("ttl");
        boolean namespaced = !ttl.isObject();
        if (!namespaced) {
            descriptor.enableTimeToLive(ttlConfig(ttl));
        }
        for (Declared other : states.values()) {
            if (other.name.equals(name) && !storage(other.kind).equals(storage(kind))) {
                throw new IllegalStateException(
                        "The Python state '"
                                + name
                                + "' is declared both as "
                                + other.kind
                                + " and as "
                                + kind
                                + " state");
            }
        }
        State state =
                namespaced
                        ? (State) backend.getOrCreateInternalState(BYTES, descriptor)
                        : backend.getOrCreateKeyedState(descriptor);
        states.put(id, new Declared(name, kind, state, namespaced));
    }

    /** How a kind of Python state is stored: "list", "map" or "value". */
    private static String storage(String kind) {
        return kind.equals("list") || kind.equals("map") ? kind : "value";
    }

    private static StateTtlConfig ttlConfig(JsonNode ttl) {
        StateTtlConfig.Builder builder =
                StateTtlConfig.newBuilder(Duration.ofMillis(ttl.path("ttl_ms").asLong()));
        if ("OnReadAndWrite".equals(ttl.path("update_type").asText())) {
            builder.updateTtlOnReadAndWrite();
        } else {
            builder.updateTtlOnCreateAndWrite();
        }
        if ("ReturnExpiredIfNotCleanedUp".equals(ttl.path("state_visibility").asText())) {
            builder.returnExpiredIfNotCleanedUp();
        } else {
            builder.neverReturnExpired();
        }
        return builder.build();
    }

    /** Answers a STATE_REQUEST; leaves the backend's current key at some key of the bundle. */
    byte[] read(ByteBuffer request, List<PythonKey> bundleKeys) throws Exception {
        int requestId = request.getInt();
        int reads = request.getInt();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + reads * 32);
        DataOutputStream reply = new DataOutputStream(bytes);
        reply.writeInt(requestId);
        reply.writeInt(reads);
        for (int i = 0; i < reads; i++) {
            byte op = request.get();
            State state = select(request, bundleKeys);
            switch (op) {
                case GET -> writeBytes(reply, value(state).value());
                case LIST -> {
                    List<byte[]> values = new ArrayList<>();
                    for (byte[] value : list(state).get()) {
                        values.add(value);
                    }
                    reply.writeInt(values.size());
                    for (byte[] value : values) {
                        writeBytes(reply, value);
                    }
                }
                case MAP_GET ->
                        writeBytes(reply, map(state).get(new PythonKey(Frames.readValue(request))));
                case MAP_ALL -> {
                    List<Map.Entry<PythonKey, byte[]>> entries = new ArrayList<>();
                    for (Map.Entry<PythonKey, byte[]> e : map(state).entries()) {
                        entries.add(Map.entry(e.getKey(), e.getValue()));
                    }
                    reply.writeInt(entries.size());
                    for (Map.Entry<PythonKey, byte[]> e : entries) {
                        writeBytes(reply, (byte[]) e.getKey().getValue());
                        writeBytes(reply, e.getValue());
                    }
                }
                default -> throw new IllegalStateException("Unknown state read " + op);
            }
        }
        return bytes.toByteArray();
    }

    /** Applies the writes of a BUNDLE_DONE; leaves the current key at some key of the bundle. */
    void write(ByteBuffer writes, List<PythonKey> bundleKeys) throws Exception {
        int count = writes.getInt();
        for (int i = 0; i < count; i++) {
            byte op = writes.get();
            State state = select(writes, bundleKeys);
            switch (op) {
                case SET -> value(state).update(Frames.readValue(writes));
                case CLEAR -> state.clear();
                case LIST_SET -> list(state).update(readList(writes));
                case LIST_ADD -> list(state).addAll(readList(writes));
                case MAP_PUT ->
                        map(state)
                                .put(
                                        new PythonKey(Frames.readValue(writes)),
                                        Frames.readValue(writes));
                case MAP_REMOVE -> map(state).remove(new PythonKey(Frames.readValue(writes)));
                default -> throw new IllegalStateException("Unknown state write " + op);
            }
        }
    }

    /** Reads {@code key id, state id, namespace} and points the state at that key and namespace. */
    @SuppressWarnings("unchecked")
    private State select(ByteBuffer buffer, List<PythonKey> bundleKeys) {
        PythonKey key = bundleKeys.get(buffer.getInt());
        int id = buffer.getInt();
        Declared declared = states.get(id);
        if (declared == null) {
            throw new IllegalStateException("The Python worker used undeclared state " + id);
        }
        byte[] namespace = Frames.readValue(buffer);
        backend.setCurrentKey(key);
        if (declared.namespaced) {
            ((InternalKvState<Object, PythonKey>) declared.state)
                    .setCurrentNamespace(new PythonKey(namespace));
        } else if (namespace.length > 0) {
            throw new UnsupportedOperationException(
                    "The Python state '"
                            + declared.name
                            + "' has a time-to-live, which per-window state does not support");
        }
        return declared.state;
    }

    @SuppressWarnings("unchecked")
    private static ValueState<byte[]> value(State state) {
        return (ValueState<byte[]>) state;
    }

    @SuppressWarnings("unchecked")
    private static ListState<byte[]> list(State state) {
        return (ListState<byte[]>) state;
    }

    @SuppressWarnings("unchecked")
    private static MapState<PythonKey, byte[]> map(State state) {
        return (MapState<PythonKey, byte[]>) state;
    }

    private static List<byte[]> readList(ByteBuffer buffer) {
        int n = buffer.getInt();
        List<byte[]> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(Frames.readValue(buffer));
        }
        return values;
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }
}
