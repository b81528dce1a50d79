package dev.brook.api.connector.sink2;

/** Passed to {@link Sink#createWriter}. */
public interface WriterInitContext extends InitContext {
    ClassLoader getUserCodeClassLoader();
}
