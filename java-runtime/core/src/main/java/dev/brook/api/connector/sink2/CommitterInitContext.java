package dev.brook.api.connector.sink2;

/** Passed to {@link SupportsCommitter#createCommitter}. */
public interface CommitterInitContext extends InitContext {}
