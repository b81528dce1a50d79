package dev.brook.runtime.resourcemanager;

import dev.brook.api.common.JobID;
import dev.brook.runtime.clusterframework.ResourceID;
import dev.brook.runtime.taskexecutor.TaskExecutorGateway;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows the TaskManagers and their slots, and hands slots to jobs. A request that cannot be served
 * waits for TaskManagers to register or slots to be released, up to its timeout. TaskManagers in
 * other processes send heartbeats; one that stays silent longer than the heartbeat timeout (or
 * whose connection reports it dead) is removed, and the jobs holding its slots are told.
 *
 * <p>Threading model: all methods are synchronized; futures and listeners run outside the lock.
 */
public final class ResourceManager {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);

    private final ScheduledExecutorService timer;

    private final LinkedHashMap<ResourceID, Registration> taskManagers = new LinkedHashMap<>();

    private final ArrayDeque<PendingRequest> pending = new ArrayDeque<>();

    private final List<BiConsumer<ResourceID, Exception>> lossListeners =
            new CopyOnWriteArrayList<>();

    /** A TaskManager's registration: which job holds each slot (null = free). */
    private static final class Registration {
        final TaskExecutorGateway gateway;
        final JobID[] owners;
        final int cpuCores;
        final long physicalMemory;
        final boolean monitored;
        long lastHeartbeat = System.currentTimeMillis();

        Registration(
                TaskExecutorGateway gateway,
                int slots,
                int cpuCores,
                long physicalMemory,
                boolean monitored) {
            this.gateway = gateway;
            this.owners = new JobID[slots];
            this.cpuCores = cpuCores;
            this.physicalMemory = physicalMemory;
            this.monitored = monitored;
        }

        int free() {
            int free = 0;
            for (JobID o : owners) {
                if (o == null) {
                    free++;
                }
            }
            return free;
        }
    }

    private record PendingRequest(
            JobID jobId,
            int count,
            String jobName,
            CompletableFuture<List<SlotAssignment>> future) {}

    public ResourceManager(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** A TaskManager in this JVM: never heart-beats, never lost. */
    public void registerTaskExecutor(TaskExecutorGateway taskExecutor, int numberOfSlots) {
        register(
                taskExecutor, numberOfSlots, Runtime.getRuntime().availableProcessors(), -1, false);
    }

    /**
     * A TaskManager in another process. It must heart-beat from now on. A TaskManager registering
     * again under the same id (it restarted, or lost the connection) replaces its old registration;
     * the old one counts as lost.
     */
    public void registerRemoteTaskExecutor(
            TaskExecutorGateway taskExecutor,
            int numberOfSlots,
            int cpuCores,
            long physicalMemory) {
        register(taskExecutor, numberOfSlots, cpuCores, physicalMemory, true);
    }

    private void register(
            TaskExecutorGateway taskExecutor,
            int numberOfSlots,
            int cpuCores,
            long physicalMemory,
            boolean monitored) {
        ResourceID id = taskExecutor.getLocation().resourceId();
        List<Runnable> completions;
        Registration replaced;
        synchronized (this) {
            replaced =
                    taskManagers.put(
                            id,
                            new Registration(
                                    taskExecutor,
                                    numberOfSlots,
                                    cpuCores,
                                    physicalMemory,
                                    monitored));
            completions = servePending();
        }
        LOG.info(
                "TaskManager {} at {} registered with {} slots.",
                id,
                taskExecutor.getLocation().host(),
                numberOfSlots);
        if (replaced != null) {
            notifyLost(id, new Exception("TaskManager " + id + " registered again (restarted)"));
        }
        completions.forEach(Runnable::run);
    }

    /**
     * A heartbeat from a TaskManager; false if it is not (or no longer) registered, in which case
     * it should register again.
     */
    public synchronized boolean heartbeatFromTaskManager(ResourceID id) {
        Registration r = taskManagers.get(id);
        if (r == null) {
            return false;
        }
        r.lastHeartbeat = System.currentTimeMillis();
        return true;
    }

    /** Tells {@code listener} about every TaskManager that is lost from now on. */
    public void addTaskManagerLossListener(BiConsumer<ResourceID, Exception> listener) {
        lossListeners.add(listener);
    }

    /**
     * Removes a TaskManager (it died, stopped heart-beating or shut down). Its slots are gone; the
     * jobs that held them learn it through the loss listeners.
     */
    public void disconnectTaskManager(ResourceID id, Exception cause) {
        Registration removed;
        synchronized (this) {
            removed = taskManagers.remove(id);
        }
        if (removed != null) {
            LOG.info("TaskManager {} is gone: {}", id, cause.getMessage());
            notifyLost(id, cause);
        }
    }

    private void notifyLost(ResourceID id, Exception cause) {
        for (BiConsumer<ResourceID, Exception> l : lossListeners) {
            try {
                l.accept(id, cause);
            } catch (RuntimeException e) {
                LOG.warn("A TaskManager loss listener failed", e);
            }
        }
    }

    /**
     * Checks every {@code interval} that remote TaskManagers heart-beat; one silent for longer than
     * {@code timeout} is disconnected.
     */
    public void startHeartbeatMonitor(Duration interval, Duration timeout) {
        timer.scheduleWithFixedDelay(
                () -> {
                    long now = System.currentTimeMillis();
                    List<ResourceID> silent = new ArrayList<>();
                    synchronized (this) {
                        taskManagers.forEach(
                                (id, r) -> {
                                    if (r.monitored && now - r.lastHeartbeat > timeout.toMillis()) {
                                        silent.add(id);
                                    }
                                });
                    }
                    for (ResourceID id : silent) {
                        disconnectTaskManager(
                                id,
                                new TaskManagerLostException(
                                        "The heartbeat of TaskManager "
                                                + id
                                                + " timed out: nothing for more than "
                                                + timeout.toMillis()
                                                + " ms (heartbeat.timeout)."));
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
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
                            + " ms (slot.request.timeout): the cluster has "
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
            for (Registration r : taskManagers.values()) {
                JobID[] owners = r.owners;
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

    /**
     * Takes {@code count} free slots, spreading them over the TaskManagers round-robin (as Flink's
     * {@code cluster.evenly-spread-out-slots}), so a job uses every TaskManager.
     */
    private List<SlotAssignment> tryAllocate(JobID jobId, int count) {
        if (freeSlots() < count) {
            return null;
        }
        List<SlotAssignment> result = new ArrayList<>(count);
        while (result.size() < count) {
            for (Registration r : taskManagers.values()) {
                JobID[] owners = r.owners;
                for (int i = 0; i < owners.length; i++) {
                    if (owners[i] == null) {
                        owners[i] = jobId;
                        result.add(new SlotAssignment(r.gateway, i));
                        break;
                    }
                }
                if (result.size() == count) {
                    break;
                }
            }
        }
        return result;
    }

    public synchronized int freeSlots() {
        int free = 0;
        for (Registration r : taskManagers.values()) {
            free += r.free();
        }
        return free;
    }

    public synchronized int totalSlots() {
        int total = 0;
        for (Registration r : taskManagers.values()) {
            total += r.owners.length;
        }
        return total;
    }

    /** The registered TaskManagers, in registration order. */
    public synchronized List<TaskManagerInfo> taskManagers() {
        List<TaskManagerInfo> list = new ArrayList<>();
        taskManagers.forEach(
                (id, r) ->
                        list.add(
                                new TaskManagerInfo(
                                        id,
                                        r.gateway.getLocation().host(),
                                        r.gateway.getLocation().dataPort(),
                                        r.owners.length,
                                        r.free(),
                                        r.lastHeartbeat,
                                        r.cpuCores,
                                        r.physicalMemory)));
        return list;
    }
}
