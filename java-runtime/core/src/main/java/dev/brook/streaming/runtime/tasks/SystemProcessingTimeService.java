package dev.brook.streaming.runtime.tasks;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Processing time from the system clock. A TaskManager-wide scheduler thread fires timers by
 * posting mails to the owning task's mailbox, so timer callbacks are single-threaded with the
 * task's records.
 */
public final class SystemProcessingTimeService implements ProcessingTimeService {

    private final ScheduledExecutorService scheduler;
    private final MailboxExecutor mailbox;

    public SystemProcessingTimeService(
            ScheduledExecutorService scheduler, MailboxExecutor mailbox) {
        this.scheduler = scheduler;
        this.mailbox = mailbox;
    }

    @Override
    public long getCurrentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback) {
        long delay = Math.max(0, timestamp - getCurrentProcessingTime());
        return scheduler.schedule(
                () -> mailbox.execute(() -> callback.onProcessingTime(timestamp), "timer"),
                delay,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
            ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis) {
        return scheduler.scheduleAtFixedRate(
                () ->
                        mailbox.execute(
                                () -> callback.onProcessingTime(getCurrentProcessingTime()),
                                "periodic timer"),
                initialDelayMillis,
                periodMillis,
                TimeUnit.MILLISECONDS);
    }
}
