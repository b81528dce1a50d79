package dev.brook.api.connector.source;

/** Whether a source ends. A job whose sources are all bounded finishes. */
public enum Boundedness {
    BOUNDED,
    CONTINUOUS_UNBOUNDED
}
