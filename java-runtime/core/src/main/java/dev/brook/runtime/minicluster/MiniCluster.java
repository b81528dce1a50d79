package dev.brook.runtime.minicluster;

import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.configuration.CoreOptions;
import dev.brook.runtime.clusterframework.ResourceID;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.dispatcher.UnknownJobException;
import dev.brook.runtime.io.network.buffer.NetworkBufferPool;
import dev.brook.runtime.io.network.partition.ResultPartitionManager;
import dev.brook.runtime.io.network.partition.consumer.InputChannelFactory;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobmaster.JobResult;
import dev.brook.runtime.metrics.MetricRegistry;
import dev.brook.runtime.resourcemanager.ResourceManager;
import dev.brook.runtime.taskexecutor.TaskExecutor;
import dev.brook.runtime.taskexecutor.TaskManagerServices;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import dev.brook.runtime.util.DaemonThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The whole cluster in one JVM: a ResourceManager, a Dispatcher (JobMasters) and TaskManagers, the
 * same components a standalone cluster runs as processes. The embedded default for running jobs and
 * for tests.
 *
 * <p>Lifecycle: {@link #start()}, submit jobs, {@link #close()} (cancels running jobs).
 */
public final class MiniCluster implements AutoCloseable {

    private final MiniClusterConfiguration config;
    private final List<TaskExecutor> taskExecutors = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService ioExecutor;
    private MetricRegistry metricRegistry;
    private ResourceManager resourceManager;
    private Dispatcher dispatcher;
    private NetworkBufferPool networkBufferPool;
    private ResultPartitionManager partitions;
    private boolean running;

    public MiniCluster(MiniClusterConfiguration config) {
        this.config = config;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(1, new DaemonThreadFactory("brook-timer"));
        resourceManager = new ResourceManager(scheduler);
        dispatcher = new Dispatcher(resourceManager, config.slotRequestTimeout());
        networkBufferPool = NetworkBufferPool.fromConfiguration(config.configuration());
        // TaskManagers in one JVM share one partition registry: a local channel can read any
        // producer in the process directly.
        partitions = new ResultPartitionManager();
        ioExecutor = Executors.newCachedThreadPool(new DaemonThreadFactory("brook-io"));
        metricRegistry = new MetricRegistry(scheduler);
        TaskManagerServices services =
                new TaskManagerServices(
                        networkBufferPool,
                        partitions,
                        InputChannelFactory.local(partitions),
                        scheduler,
                        dispatcher::userCodeClassLoader,
                        ioExecutor,
                        CoreOptions.firstTmpDirectory(config.configuration()),
                        metricRegistry);
        for (int i = 0; i < config.numTaskManagers(); i++) {
            TaskManagerLocation location =
                    new TaskManagerLocation(new ResourceID("taskmanager-" + i), "localhost", -1);
            TaskExecutor te = new TaskExecutor(location, config.slotsPerTaskManager(), services);
            taskExecutors.add(te);
            resourceManager.registerTaskExecutor(te, config.slotsPerTaskManager());
        }
        running = true;
    }

    public synchronized CompletableFuture<Void> submitJob(
            JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        checkRunning();
        return dispatcher.submitJob(jobGraph, userCodeClassLoader);
    }

    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        checkRunning();
        return dispatcher.requestJobResult(jobId);
    }

    public JobStatus getJobStatus(JobID jobId) throws UnknownJobException {
        checkRunning();
        return dispatcher.getJobStatus(jobId);
    }

    public void cancelJob(JobID jobId) throws UnknownJobException {
        checkRunning();
        dispatcher.cancelJob(jobId);
    }

    public CompletableFuture<String> triggerSavepoint(JobID jobId, String directory)
            throws UnknownJobException {
        checkRunning();
        return dispatcher.triggerSavepoint(jobId, directory);
    }

    public CompletableFuture<String> stopWithSavepoint(JobID jobId, String directory, boolean drain)
            throws UnknownJobException {
        checkRunning();
        return dispatcher.stopWithSavepoint(jobId, directory, drain);
    }

    public List<Dispatcher.JobDetails> listJobs() {
        checkRunning();
        return dispatcher.listJobs();
    }

    public NetworkBufferPool getNetworkBufferPool() {
        return networkBufferPool;
    }

    public ResultPartitionManager getResultPartitionManager() {
        return partitions;
    }

    public ResourceManager getResourceManager() {
        return resourceManager;
    }

    /** The cluster's dispatcher, for a REST endpoint in front of it. */
    public Dispatcher getDispatcher() {
        checkRunning();
        return dispatcher;
    }

    private void checkRunning() {
        if (!running) {
            throw new IllegalStateException("The MiniCluster is not running; call start() first");
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        dispatcher.shutdown();
        for (TaskExecutor te : taskExecutors) {
            te.close();
        }
        metricRegistry.close();
        scheduler.shutdownNow();
        ioExecutor.shutdownNow();
    }
}
