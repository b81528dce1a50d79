package dev.brook.runtime.jobmaster;

/**
 * A job failed and its restart strategy allowed no further attempt; the cause is the last failure.
 */
public final class JobRestartsExhaustedException extends Exception {
    private static final long serialVersionUID = 1L;

    JobRestartsExhaustedException(String message, Throwable cause) {
        super(message, cause);
    }
}
