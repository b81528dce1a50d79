package dev.brook.api.common.state;

/** Appending state whose contents for several namespaces (e.g. windows) can be merged. */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}
