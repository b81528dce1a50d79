package dev.brook.core.io;

import java.io.IOException;

/**
 * Serializes control-plane objects (source splits, enumerator checkpoints) with a version, so that
 * data written by an older version of a connector can still be read.
 */
public interface SimpleVersionedSerializer<E> {
    int getVersion();

    byte[] serialize(E obj) throws IOException;

    E deserialize(int version, byte[] serialized) throws IOException;
}
