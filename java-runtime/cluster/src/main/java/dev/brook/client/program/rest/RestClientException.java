package dev.brook.client.program.rest;

/**
 * A request to the cluster's REST API failed: the server answered with an error, or could not be
 * reached. The message is the server's (or says why there was no answer) and names the request.
 */
public final class RestClientException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    /**
     * @param httpStatus the server's status code, or -1 when there was no answer
     */
    public RestClientException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The server's status code, or -1 when there was no answer. */
    public int getHttpStatus() {
        return httpStatus;
    }
}
