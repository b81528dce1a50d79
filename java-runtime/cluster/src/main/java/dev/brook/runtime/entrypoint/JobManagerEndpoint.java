package dev.brook.runtime.entrypoint;

import dev.brook.api.common.JobID;
import dev.brook.runtime.clusterframework.ResourceID;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.resourcemanager.ResourceManager;
import dev.brook.runtime.resourcemanager.TaskManagerLostException;
import dev.brook.runtime.rpc.RpcConnection;
import dev.brook.runtime.taskexecutor.TaskExecutorGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The JobManager's side of {@link JobManagerGateway}: the ResourceManager and the job jars. */
final class JobManagerEndpoint implements JobManagerGateway {

    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;

    JobManagerEndpoint(ResourceManager resourceManager, Dispatcher dispatcher) {
        this.resourceManager = resourceManager;
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<Void> registerTaskManager(
            TaskExecutorGateway taskExecutor,
            int numberOfSlots,
            int cpuCores,
            long physicalMemory) {
        RpcConnection connection = RpcConnection.current();
        ResourceID id = taskExecutor.getLocation().resourceId();
        resourceManager.registerRemoteTaskExecutor(
                taskExecutor, numberOfSlots, cpuCores, physicalMemory);
        if (connection != null) {
            connection.onClose(
                    cause ->
                            resourceManager.disconnectTaskManager(
                                    id,
                                    new TaskManagerLostException(
                                            "The connection to TaskManager "
                                                    + id
                                                    + " ("
                                                    + connection.peer()
                                                    + ") broke: the process died or the network"
                                                    + " failed.")));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean heartbeatFromTaskManager(ResourceID taskManager) {
        return resourceManager.heartbeatFromTaskManager(taskManager);
    }

    @Override
    public CompletableFuture<List<UserJar>> requestUserJars(JobID jobId) {
        try {
            List<UserJar> jars = new ArrayList<>();
            for (Path jar : dispatcher.userJars(jobId)) {
                jars.add(new UserJar(jar.getFileName().toString(), Files.readAllBytes(jar)));
            }
            return CompletableFuture.completedFuture(jars);
        } catch (IOException | dev.brook.runtime.dispatcher.UnknownJobException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
