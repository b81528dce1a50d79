package dev.brook.client.python;

/**
 * A job or request from Python failed; the message is all a Python user needs (Python raises it as
 * {@code JobExecutionException} with this message).
 */
public final class PythonJobException extends Exception {

    private static final long serialVersionUID = 1L;

    PythonJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
