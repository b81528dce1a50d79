package dev.brook.runtime.rest;

/**
 * A request the server cannot serve, with the HTTP status and the message the client gets as {@code
 * {"errors": [message]}}. Handlers throw it for the client's mistakes (400, 404, 409, 413), so that
 * those never become a 500.
 */
public final class RestHandlerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public RestHandlerException(int status, String message) {
        super(message);
        this.status = status;
    }

    public RestHandlerException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public static RestHandlerException badRequest(String message) {
        return new RestHandlerException(400, message);
    }

    public static RestHandlerException notFound(String message) {
        return new RestHandlerException(404, message);
    }

    public int status() {
        return status;
    }
}
