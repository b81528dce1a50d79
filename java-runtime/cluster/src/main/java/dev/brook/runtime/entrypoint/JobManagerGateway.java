package dev.brook.runtime.entrypoint;

import dev.brook.api.common.JobID;
import dev.brook.runtime.clusterframework.ResourceID;
import dev.brook.runtime.taskexecutor.TaskExecutorGateway;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What a TaskManager process calls on the JobManager process. */
public interface JobManagerGateway {

    /** The endpoint's name on the JobManager's RPC service. */
    String ENDPOINT = "jobmanager";

    /**
     * Registers a TaskManager and its slots; {@code taskExecutor} travels by reference, so the
     * JobManager calls it back over the same connection. The connection breaking counts as the
     * TaskManager's loss.
     */
    CompletableFuture<Void> registerTaskManager(
            TaskExecutorGateway taskExecutor, int numberOfSlots, int cpuCores, long physicalMemory);

    /** False if the TaskManager is not registered (any more): it should register again. */
    boolean heartbeatFromTaskManager(ResourceID taskManager);

    /** The jar files of a job's user code, for the TaskManager's class loader. */
    CompletableFuture<List<UserJar>> requestUserJars(JobID jobId);

    /** One jar file of a job. */
    record UserJar(String name, byte[] content) implements Serializable {}
}
