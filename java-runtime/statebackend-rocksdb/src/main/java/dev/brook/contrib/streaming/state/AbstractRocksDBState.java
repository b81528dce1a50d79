package dev.brook.contrib.streaming.state;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.state.InternalKvState;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Common part of the RocksDB states: the column, the current namespace, and buffers reused by every
 * access, so that an access allocates only the objects it deserializes.
 *
 * <p>Threading model: task thread only.
 */
abstract class AbstractRocksDBState<K, N, V> implements InternalKvState<K, N> {

    final RocksDBKeyedStateBackend<K> backend;
    final StateColumn column;

    /** The whole value; a list's elements; a map's values. */
    final TypeSerializer<V> serializer;

    private final TypeSerializer<N> namespaceSerializer;
    N currentNamespace;

    /** The RocksDB key being accessed. */
    final DataOutputSerializer keyOut = new DataOutputSerializer(64);

    final DataOutputSerializer valueOut = new DataOutputSerializer(256);

    /** The value last {@link #read()}. */
    final DataInputDeserializer valueIn = new DataInputDeserializer();

    private byte[] valueBuffer = new byte[256];
    private int valueLength;

    @SuppressWarnings("unchecked")
    AbstractRocksDBState(
            RocksDBKeyedStateBackend<K> backend, StateColumn column, Object defaultNamespace) {
        this.backend = backend;
        this.column = column;
        this.serializer = (TypeSerializer<V>) column.valueSerializer();
        this.namespaceSerializer = (TypeSerializer<N>) column.namespaceSerializer();
        this.currentNamespace = (N) defaultNamespace;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        this.currentNamespace = namespace;
    }

    /** Sets {@link #keyOut} to the key of the current key's entry in {@code namespace}. */
    final void keyOf(N namespace) {
        keyOut.clear();
        backend.writeCurrentKey(keyOut);
        try {
            namespaceSerializer.serialize(namespace, keyOut);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize namespace " + namespace, e);
        }
    }

    /** Reads the value under {@link #keyOut} into {@link #valueIn}; false if there is none. */
    final boolean read() {
        int length = column.get(keyOut, valueBuffer);
        if (length > valueBuffer.length) {
            valueBuffer = new byte[Math.max(length, valueBuffer.length * 2)];
            length = column.get(keyOut, valueBuffer);
        }
        if (length < 0) {
            return false;
        }
        valueLength = length;
        valueIn.setBuffer(valueBuffer, 0, length);
        return true;
    }

    /** Appends the bytes of the value last {@link #read()} to {@code out}. */
    final void copyReadValue(DataOutputSerializer out) {
        out.write(valueBuffer, 0, valueLength);
    }

    /** Reads the value of the current key in {@code namespace}, or null. */
    final V readValue(N namespace) throws IOException {
        keyOf(namespace);
        return read() ? serializer.deserialize(valueIn) : null;
    }

    /** Writes (or, for null, deletes) the value of the current key in {@code namespace}. */
    final void writeValue(N namespace, V value) throws IOException {
        keyOf(namespace);
        if (value == null) {
            column.delete(keyOut);
            return;
        }
        valueOut.clear();
        serializer.serialize(value, valueOut);
        column.put(keyOut, valueOut);
    }

    /** Removes the value of the current key in {@code namespace} and returns it, or null. */
    final V removeValue(N namespace) throws IOException {
        V value = readValue(namespace);
        if (value != null) {
            column.delete(keyOut);
        }
        return value;
    }

    public void clear() {
        keyOf(currentNamespace);
        column.delete(keyOut);
    }
}
