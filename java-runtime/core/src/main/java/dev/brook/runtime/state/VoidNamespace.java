package dev.brook.runtime.state;

/** The namespace of keyed state that is not scoped further (e.g. not per window). */
public enum VoidNamespace {
    INSTANCE
}
