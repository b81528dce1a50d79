package dev.brook.streaming.api;

/** Which clock a timer belongs to. */
public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
}
