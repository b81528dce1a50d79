package dev.brook.core.io;

/** What a non-blocking read found. */
public enum InputStatus {
    /** More data is available now; call again. */
    MORE_AVAILABLE,
    /** Nothing right now; wait for the availability future. */
    NOTHING_AVAILABLE,
    /** The input has ended. */
    END_OF_INPUT
}
