package dev.brook.runtime.io.network.buffer;

/** The TaskManager's network memory cannot give a partition its minimum number of buffers. */
public final class InsufficientNetworkBuffersException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InsufficientNetworkBuffersException(String message) {
        super(message);
    }
}
