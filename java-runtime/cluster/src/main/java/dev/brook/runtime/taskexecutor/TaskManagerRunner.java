package dev.brook.runtime.taskexecutor;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.CoreOptions;
import dev.brook.configuration.HeartbeatManagerOptions;
import dev.brook.configuration.JobManagerOptions;
import dev.brook.configuration.NettyShuffleEnvironmentOptions;
import dev.brook.configuration.TaskManagerOptions;
import dev.brook.runtime.clusterframework.ResourceID;
import dev.brook.runtime.entrypoint.ClusterEntrypointArgs;
import dev.brook.runtime.entrypoint.ClusterProcess;
import dev.brook.runtime.entrypoint.JobManagerGateway;
import dev.brook.runtime.io.network.buffer.NetworkBufferPool;
import dev.brook.runtime.io.network.netty.NettyShuffleConfig;
import dev.brook.runtime.io.network.netty.NettyShuffleEnvironment;
import dev.brook.runtime.io.network.partition.ResultPartitionManager;
import dev.brook.runtime.jobmaster.JobMasterGateway;
import dev.brook.runtime.metrics.MetricRegistry;
import dev.brook.runtime.rpc.ClassResolver;
import dev.brook.runtime.rpc.RpcConnection;
import dev.brook.runtime.rpc.RpcService;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import dev.brook.runtime.util.DaemonThreadFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager process: slots, a data port for the Netty shuffle, and a control connection to the
 * JobManager over which it registers, heart-beats and receives tasks. When the JobManager cannot be
 * reached, or forgets it, it cancels its tasks and registers again, retrying until it succeeds.
 */
public final class TaskManagerRunner extends ClusterProcess {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRunner.class);

    private final Configuration conf;
    private final String jobManagerHost;
    private final int jobManagerPort;
    private ScheduledExecutorService scheduler;
    private ExecutorService ioExecutor;
    private MetricRegistry metricRegistry;
    private RpcService rpc;
    private NettyShuffleEnvironment shuffle;
    private TaskExecutor taskExecutor;
    private UserCodeLoaders userCode;
    private volatile RpcConnection connection;
    private volatile JobManagerGateway jobManager;

    public TaskManagerRunner(Configuration conf) {
        this.conf = conf;
        this.jobManagerHost = conf.get(JobManagerOptions.ADDRESS);
        this.jobManagerPort = conf.get(JobManagerOptions.PORT);
    }

    public static void main(String[] args) {
        TaskManagerRunner runner;
        try {
            runner = new TaskManagerRunner(ClusterEntrypointArgs.parse(args).configuration());
        } catch (RuntimeException e) {
            System.err.println("The TaskManager could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        runUntilTerminated(runner, "TaskManager");
    }

    @Override
    public synchronized void start() throws IOException {
        String host =
                conf.getOptional(TaskManagerOptions.HOST)
                        .orElseGet(() -> connectingAddress(jobManagerHost, jobManagerPort));
        String bindHost = conf.getOptional(TaskManagerOptions.BIND_HOST).orElse(host);
        scheduler = Executors.newScheduledThreadPool(2, new DaemonThreadFactory("brook-timer"));
        ioExecutor = Executors.newCachedThreadPool(new DaemonThreadFactory("brook-io"));
        NetworkBufferPool bufferPool = NetworkBufferPool.fromConfiguration(conf);
        ResultPartitionManager partitions = new ResultPartitionManager();
        shuffle =
                new NettyShuffleEnvironment(
                        NettyShuffleConfig.of(bindHost, conf.get(TaskManagerOptions.DATA_PORT))
                                .withBuffersPerChannel(
                                        conf.get(
                                                NettyShuffleEnvironmentOptions
                                                        .NETWORK_BUFFERS_PER_CHANNEL)),
                        partitions,
                        bufferPool);
        ResourceID resourceId =
                new ResourceID(
                        conf.getOptional(TaskManagerOptions.TASK_MANAGER_RESOURCE_ID)
                                .orElseGet(
                                        () ->
                                                host
                                                        + ":"
                                                        + shuffle.getDataPort()
                                                        + "-"
                                                        + UUID.randomUUID()
                                                                .toString()
                                                                .substring(0, 6)));
        Path tmp = CoreOptions.firstTmpDirectory(conf);
        userCode =
                new UserCodeLoaders(
                        tmp.resolve("brook-jobs-" + resourceId.toString().replace(':', '_')),
                        () -> jobManager);
        metricRegistry = new MetricRegistry(scheduler);
        TaskManagerServices services =
                new TaskManagerServices(
                        bufferPool,
                        partitions,
                        shuffle.inputChannelFactory(resourceId),
                        scheduler,
                        userCode::get,
                        ioExecutor,
                        tmp,
                        metricRegistry);
        TaskManagerLocation location =
                new TaskManagerLocation(resourceId, host, shuffle.getDataPort());
        taskExecutor =
                new TaskExecutor(location, conf.get(TaskManagerOptions.NUM_TASK_SLOTS), services);
        taskExecutor.setJobReleaseListener(userCode::release);
        rpc =
                new RpcService(
                        Set.of(TaskExecutorGateway.class, JobMasterGateway.class),
                        ClassResolver.withUserCode(userCode.all()));
        LOG.info(
                "TaskManager {} starting: {} slots, data port {}:{}, JobManager at {}:{}",
                resourceId,
                taskExecutor.getNumberOfSlots(),
                host,
                shuffle.getDataPort(),
                jobManagerHost,
                jobManagerPort);
        Duration interval = conf.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL);
        scheduler.execute(this::registerUntilDone);
        scheduler.scheduleWithFixedDelay(
                this::heartbeat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connects to the JobManager and registers, retrying with back-off while it is not there. */
    private void registerUntilDone() {
        long backoffMs = 100;
        while (!isClosed()) {
            RpcConnection c = null;
            try {
                c = rpc.connect(jobManagerHost, jobManagerPort);
                JobManagerGateway gateway =
                        c.gateway(JobManagerGateway.ENDPOINT, JobManagerGateway.class);
                gateway.registerTaskManager(
                                taskExecutor,
                                taskExecutor.getNumberOfSlots(),
                                Runtime.getRuntime().availableProcessors(),
                                physicalMemory())
                        .get(30, TimeUnit.SECONDS);
                jobManager = gateway;
                connection = c;
                RpcConnection registered = c;
                c.onClose(cause -> onDisconnect(registered, cause));
                LOG.info("Registered at the JobManager at {}:{}", jobManagerHost, jobManagerPort);
                return;
            } catch (Exception e) {
                if (c != null) {
                    c.close();
                }
                LOG.info(
                        "Could not register at the JobManager at {}:{} ({}); retrying in {} ms",
                        jobManagerHost,
                        jobManagerPort,
                        e.getMessage(),
                        backoffMs);
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMs = Math.min(5_000, backoffMs * 2);
            }
        }
    }

    private void onDisconnect(RpcConnection c, Throwable cause) {
        if (isClosed() || connection != c) {
            return;
        }
        LOG.warn(
                "Lost the JobManager: {}. Cancelling tasks and registering again.",
                cause.getMessage());
        connection = null;
        jobManager = null;
        taskExecutor.close();
        scheduler.execute(this::registerUntilDone);
    }

    private void heartbeat() {
        RpcConnection c = connection;
        JobManagerGateway jm = jobManager;
        if (c == null || jm == null) {
            return;
        }
        try {
            if (!jm.heartbeatFromTaskManager(taskExecutor.getLocation().resourceId())) {
                LOG.warn("The JobManager no longer knows this TaskManager; registering again.");
                c.close();
            }
        } catch (Exception e) {
            LOG.warn("Heartbeat to the JobManager failed: {}", e.getMessage());
        }
    }

    /**
     * The local address this machine uses to reach the JobManager: what TaskManagers on other hosts
     * can reach this one at (as Flink finds it), loopback when the JobManager is local.
     */
    static String connectingAddress(String host, int port) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 2_000);
                return s.getLocalAddress().getHostAddress();
            } catch (IOException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            InetAddress target = InetAddress.getByName(host);
            return target.isLoopbackAddress()
                    ? target.getHostAddress()
                    : InetAddress.getLocalHost().getHostAddress();
        } catch (IOException e) {
            return "127.0.0.1";
        }
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    @Override
    protected void stopServices() {
        LOG.info("TaskManager shutting down.");
        if (taskExecutor != null) {
            taskExecutor.close();
        }
        if (rpc != null) {
            rpc.close();
        }
        if (shuffle != null) {
            shuffle.close();
        }
        if (userCode != null) {
            userCode.close();
        }
        if (metricRegistry != null) {
            metricRegistry.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (ioExecutor != null) {
            ioExecutor.shutdownNow();
        }
    }
}
