package dev.brook.runtime.rest.messages;

/**
 * A failure that happened in the cluster and could not be recreated here (its class is not on the
 * client's class path, or it was not serializable). Its message is the original's first stack trace
 * line ({@code class: message}), and {@link #getOriginalStackTrace()} has the rest.
 */
public final class RemoteThrowable extends Exception {
    private static final long serialVersionUID = 1L;

    private final String originalClassName;
    private final String originalStackTrace;

    /**
     * @param whyNotDeserialized why the original could not be read back, or null if it was never
     *     serialized
     */
    public RemoteThrowable(
            String originalClassName, String originalStackTrace, Throwable whyNotDeserialized) {
        super(firstLine(originalClassName, originalStackTrace), whyNotDeserialized);
        this.originalClassName = originalClassName;
        this.originalStackTrace = originalStackTrace;
    }

    private static String firstLine(String className, String stackTrace) {
        int end = stackTrace.indexOf('\n');
        String first = (end < 0 ? stackTrace : stackTrace.substring(0, end)).strip();
        return first.isEmpty() ? className : first;
    }

    public String getOriginalClassName() {
        return originalClassName;
    }

    /** The original's stack trace with its causes, as the cluster printed it. */
    public String getOriginalStackTrace() {
        return originalStackTrace;
    }
}
