package dev.brook.streaming.runtime.tasks;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of actions for a task thread. Any thread may {@link #put}; only the task thread takes.
 * {@link #hasMail()} is a single volatile read so the record loop can check it after every record.
 *
 * <p>Lifecycle: open, accepting mail; {@link #close()} drops queued mail and rejects new mail
 * silently (the task is gone, so there is nobody left to act).
 */
public final class TaskMailbox implements MailboxExecutor {

    /** A queued action with a description for error messages. */
    record Mail(ThrowingRunnable action, String description) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Mail> queue = new ArrayDeque<>();
    private volatile boolean hasMail;
    private boolean closed;

    @Override
    public void execute(ThrowingRunnable action, String description) {
        put(new Mail(action, description));
    }

    void put(Mail mail) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            queue.add(mail);
            hasMail = true;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    public boolean hasMail() {
        return hasMail;
    }

    /** The next mail, or null if none is queued. Task thread only. */
    Mail tryTake() {
        if (!hasMail) {
            return null;
        }
        lock.lock();
        try {
            Mail m = queue.poll();
            hasMail = !queue.isEmpty();
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next mail. Task thread only; interruptible. */
    Mail take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                notEmpty.await();
            }
            Mail m = queue.poll();
            hasMail = !queue.isEmpty();
            return m;
        } finally {
            lock.unlock();
        }
    }

    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            hasMail = false;
        } finally {
            lock.unlock();
        }
    }
}
