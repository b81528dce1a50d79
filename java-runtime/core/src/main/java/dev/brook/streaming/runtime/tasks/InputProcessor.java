package dev.brook.streaming.runtime.tasks;

import java.util.concurrent.CompletableFuture;

/** Drives a task's head operator with input, one element per step. Task thread only. */
interface InputProcessor extends AutoCloseable {

    DataInputStatus processInput() throws Exception;

    /** Completes when {@link #processInput} may find something again. */
    CompletableFuture<?> getAvailableFuture();

    @Override
    void close();
}
