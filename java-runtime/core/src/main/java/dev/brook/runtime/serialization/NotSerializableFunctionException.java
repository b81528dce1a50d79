package dev.brook.runtime.serialization;

/** A user function (or something it refers to) cannot be shipped to the tasks. */
public final class NotSerializableFunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotSerializableFunctionException(String message, Throwable cause) {
        super(message, cause);
    }
}
