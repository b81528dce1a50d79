package dev.brook.api.common.state;

/** State that values are added to; {@link #get()} returns the aggregate of what was added. */
public interface AppendingState<IN, OUT> extends State {
    /** The current aggregate, or null when nothing was added for the current key. */
    OUT get() throws Exception;

    void add(IN value) throws Exception;
}
