package dev.brook.streaming.runtime.tasks;

/**
 * Runs actions on a task's thread, between records. The way for other threads (timers, I/O,
 * coordinators) to touch operator state without locks.
 */
public interface MailboxExecutor {
    /**
     * Enqueues {@code action}; it runs on the task thread. An exception from it fails the task.
     * Mails sent after the task ended are dropped.
     */
    void execute(ThrowingRunnable action, String description);
}
