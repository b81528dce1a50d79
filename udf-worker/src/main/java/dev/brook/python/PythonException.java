package dev.brook.python;

/**
 * A Python function failed, or the worker running it did. The message is the Python traceback (the
 * user's frames first) or the worker's fate, e.g. its exit code and last stderr lines.
 */
public final class PythonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PythonException(String message) {
        super(message);
    }
}
