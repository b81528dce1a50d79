package dev.brook.runtime.resourcemanager;

/** A job could not get the task slots it needs in time. */
public final class NoResourceAvailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoResourceAvailableException(String message) {
        super(message);
    }
}
