package dev.brook.runtime.source.coordinator;

/** A source's split enumerator failed; the job fails with this as its cause. */
public final class SourceEnumeratorException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceEnumeratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
