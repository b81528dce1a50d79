package dev.brook.streaming.runtime.tasks;

/** What one step of a task's input processing found. */
public enum DataInputStatus {
    MORE_AVAILABLE,
    NOTHING_AVAILABLE,
    END_OF_INPUT
}
