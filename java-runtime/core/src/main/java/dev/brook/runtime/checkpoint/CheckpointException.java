package dev.brook.runtime.checkpoint;

/** A checkpoint or savepoint could not be completed; the message says why. */
public class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
