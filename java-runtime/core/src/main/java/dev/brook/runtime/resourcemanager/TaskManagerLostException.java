package dev.brook.runtime.resourcemanager;

/** A TaskManager died or stopped heart-beating; its tasks are lost with it. */
public final class TaskManagerLostException extends Exception {

    private static final long serialVersionUID = 1L;

    public TaskManagerLostException(String message) {
        super(message);
    }
}
