package dev.brook.runtime.taskexecutor;

import dev.brook.api.common.JobID;
import dev.brook.runtime.io.network.buffer.NetworkBufferPool;
import dev.brook.runtime.io.network.partition.ResultPartitionManager;
import dev.brook.runtime.io.network.partition.consumer.InputChannelFactory;
import dev.brook.runtime.metrics.MetricRegistry;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The shared machinery of a TaskManager.
 *
 * @param partitionManager partitions produced here, looked up by local consumers
 * @param inputChannels creates the channels of input gates, local or remote
 * @param timerScheduler the thread that fires processing-time timers (as mail to tasks)
 * @param userCodeClassLoaders the class loader to run a job's user code with
 * @param ioExecutor writes checkpointed state in the background
 * @param tmpDirectory the directory for local files (state backends, sorting spills)
 * @param metricRegistry updates the meters of the tasks' metrics
 */
public record TaskManagerServices(
        NetworkBufferPool networkBufferPool,
        ResultPartitionManager partitionManager,
        InputChannelFactory inputChannels,
        ScheduledExecutorService timerScheduler,
        Function<JobID, ClassLoader> userCodeClassLoaders,
        ExecutorService ioExecutor,
        Path tmpDirectory,
        MetricRegistry metricRegistry) {}
