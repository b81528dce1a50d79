package dev.brook.api.common.functions;

/** Passed to {@link RichFunction#open}; reserved for future initialization parameters. */
public interface OpenContext {}
