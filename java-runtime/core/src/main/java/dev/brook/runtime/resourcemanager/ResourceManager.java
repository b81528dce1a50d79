package dev.brook.runtime.resourcemanager;

import dev.brook.api.common.JobID;
import dev.brook.runtime.taskexecutor.TaskExecutorGateway;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Knows the TaskManagers and their slots, and hands slots to jobs. A request that cannot be served
 * waits for TaskManagers to register or slots to be released, up to its timeout.
 *
 * <p>Threading model: all methods are synchronized; futures are completed outside the lock.
 */
public final class ResourceManager {

    private final ScheduledExecutorService timer;

    /** Per TaskManager: which job holds each slot (null = free). */
    private final LinkedHashMap<TaskExecutorGateway, JobID[]> slots = new LinkedHashMap<>();

    private final ArrayDeque<PendingRequest> pending = new ArrayDeque<>();

    private record PendingRequest(
            JobID jobId,
            int count,
            String jobName,
            CompletableFuture<List<SlotAssignment>> future) {}

    public ResourceManager(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public void registerTaskExecutor(TaskExecutorGateway taskExecutor, int numberOfSlots) {
        List<Runnable> completions;
        synchronized (this) {
            slots.put(taskExecutor, new JobID[numberOfSlots]);
            completions = servePending();
        }
        completions.forEach(Runnable::run);
    }

    public CompletableFuture<List<SlotAssignment>> requestSlots(
            JobID jobId, String jobName, int count, Duration timeout) {
        CompletableFuture<List<SlotAssignment>> future = new CompletableFuture<>();
        synchronized (this) {
            List<SlotAssignment> got = tryAllocate(jobId, count);
            if (got != null) {
                future.complete(got);
                return future;
            }
            PendingRequest request = new PendingRequest(jobId, count, jobName, future);
            pending.add(request);
            timer.schedule(
                    () -> expire(request, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return future;
    }

    private void expire(PendingRequest request, Duration timeout) {
        String message;
        synchronized (this) {
            if (!pending.remove(request)) {
                return;
            }
            message =
                    "Could not get "
                            + request.count()
                            + " task slots for job '"
                            + request.jobName()
                            + "' within "
                            + timeout.toMillis()
                            + " ms: the cluster has "
                            + freeSlots()
                            + " free of "
                            + totalSlots()
                            + " slots. Start more TaskManagers, add slots"
                            + " (taskmanager.numberOfTaskSlots) or lower the parallelism.";
        }
        request.future().completeExceptionally(new NoResourceAvailableException(message));
    }

    public void releaseSlots(JobID jobId) {
        List<Runnable> completions;
        synchronized (this) {
            for (JobID[] owners : slots.values()) {
                for (int i = 0; i < owners.length; i++) {
                    if (jobId.equals(owners[i])) {
                        owners[i] = null;
                    }
                }
            }
            completions = servePending();
        }
        completions.forEach(Runnable::run);
    }

    private List<Runnable> servePending() {
        List<Runnable> completions = new ArrayList<>();
        Iterator<PendingRequest> it = pending.iterator();
        while (it.hasNext()) {
            PendingRequest r = it.next();
            List<SlotAssignment> got = tryAllocate(r.jobId(), r.count());
            if (got == null) {
                break;
            }
            it.remove();
            completions.add(() -> r.future().complete(got));
        }
        return completions;
    }

    private List<SlotAssignment> tryAllocate(JobID jobId, int count) {
        if (freeSlots() < count) {
            return null;
        }
        List<SlotAssignment> result = new ArrayList<>(count);
        for (Map.Entry<TaskExecutorGateway, JobID[]> e : slots.entrySet()) {
            JobID[] owners = e.getValue();
            for (int i = 0; i < owners.length && result.size() < count; i++) {
                if (owners[i] == null) {
                    owners[i] = jobId;
                    result.add(new SlotAssignment(e.getKey(), i));
                }
            }
        }
        return result;
    }

    public synchronized int freeSlots() {
        int free = 0;
        for (JobID[] owners : slots.values()) {
            for (JobID o : owners) {
                if (o == null) {
                    free++;
                }
            }
        }
        return free;
    }

    public synchronized int totalSlots() {
        int total = 0;
        for (JobID[] owners : slots.values()) {
            total += owners.length;
        }
        return total;
    }
}
