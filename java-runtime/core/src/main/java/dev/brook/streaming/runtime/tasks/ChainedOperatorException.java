package dev.brook.streaming.runtime.tasks;

/**
 * Carries a checked exception from a chained operator through {@link
 * dev.brook.streaming.runtime.operators.Output#collect}, which cannot declare it. The task unwraps
 * it, so users see their own exception.
 */
final class ChainedOperatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChainedOperatorException(Exception cause) {
        super(cause.getMessage(), cause, false, false);
    }
}
