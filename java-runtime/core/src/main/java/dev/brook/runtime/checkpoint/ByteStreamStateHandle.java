package dev.brook.runtime.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** State bytes held in memory, travelling with the checkpoint's metadata. */
public record ByteStreamStateHandle(byte[] data) implements StreamStateHandle {

    @Override
    public InputStream openInputStream() {
        return new ByteArrayInputStream(data);
    }

    @Override
    public long getStateSize() {
        return data.length;
    }

    @Override
    public void discardState() {}
}
