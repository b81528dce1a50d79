package dev.brook.runtime.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * Where the bytes of one piece of checkpointed state are: in memory (checkpoints kept by the
 * JobManager) or in a file (checkpoints under {@code execution.checkpointing.dir}).
 */
public sealed interface StreamStateHandle extends Serializable
        permits ByteStreamStateHandle, FileStateHandle {

    InputStream openInputStream() throws IOException;

    long getStateSize();

    /** Deletes the bytes; nothing happens for in-memory state. */
    void discardState() throws IOException;
}
