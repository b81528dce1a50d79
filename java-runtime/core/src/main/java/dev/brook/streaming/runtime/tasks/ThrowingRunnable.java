package dev.brook.streaming.runtime.tasks;

/** An action that may throw; mails and timer callbacks are such actions. */
@FunctionalInterface
public interface ThrowingRunnable {
    void run() throws Exception;
}
