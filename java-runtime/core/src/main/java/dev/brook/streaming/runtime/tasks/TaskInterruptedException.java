package dev.brook.streaming.runtime.tasks;

/** The task thread was interrupted while waiting (e.g. for a network buffer): it is cancelled. */
public final class TaskInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskInterruptedException() {
        super("Task was interrupted (cancelled)");
    }
}
