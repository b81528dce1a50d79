package dev.brook.client.program;

/** The program could not be loaded or started; the message says why and what to do. */
public final class ProgramInvocationException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProgramInvocationException(String message) {
        super(message);
    }

    public ProgramInvocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
