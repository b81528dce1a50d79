package dev.brook.api.common.state;

/** A piece of keyed state, scoped to the key of the record being processed. */
public interface State {
    /** Removes the value for the current key. */
    void clear();
}
