package dev.brook.runtime.entrypoint;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.HeartbeatManagerOptions;
import dev.brook.configuration.JobManagerOptions;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.jobmaster.JobMasterGateway;
import dev.brook.runtime.resourcemanager.ResourceManager;
import dev.brook.runtime.rest.RestServerEndpoint;
import dev.brook.runtime.rpc.ClassResolver;
import dev.brook.runtime.rpc.RpcService;
import dev.brook.runtime.taskexecutor.TaskExecutorGateway;
import dev.brook.runtime.util.DaemonThreadFactory;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager process: a ResourceManager that TaskManagers register with over RPC, a Dispatcher
 * running one JobMaster per job, and the REST API. Session mode keeps it running for any number of
 * jobs; application mode ({@code StandaloneApplicationClusterEntryPoint}) runs one program in it.
 */
public class ClusterEntrypoint extends ClusterProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterEntrypoint.class);

    private final Configuration conf;
    private ScheduledExecutorService scheduler;
    private ResourceManager resourceManager;
    private Dispatcher dispatcher;
    private RpcService rpc;
    private RestServerEndpoint rest;
    private int rpcPort;

    public ClusterEntrypoint(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public synchronized void start() throws Exception {
        String address = conf.get(JobManagerOptions.ADDRESS);
        String bindHost = conf.getOptional(JobManagerOptions.BIND_HOST).orElse(address);
        scheduler = Executors.newScheduledThreadPool(1, new DaemonThreadFactory("brook-timer"));
        resourceManager = new ResourceManager(scheduler);
        resourceManager.startHeartbeatMonitor(
                conf.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL),
                conf.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT));
        dispatcher =
                new Dispatcher(resourceManager, conf.get(JobManagerOptions.SLOT_REQUEST_TIMEOUT));
        rpc =
                new RpcService(
                        Set.of(TaskExecutorGateway.class, JobMasterGateway.class),
                        ClassResolver.withUserCode(dispatcher.userCodeClassLoaders()));
        rpc.registerEndpoint(
                JobManagerGateway.ENDPOINT, new JobManagerEndpoint(resourceManager, dispatcher));
        rpcPort = rpc.listen(bindHost, conf.get(JobManagerOptions.PORT), connection -> {});
        rest = new RestServerEndpoint(conf, dispatcher, resourceManager);
        rest.start();
        LOG.info(
                "JobManager running: RPC on {}:{}, REST API on {}",
                bindHost,
                rpcPort,
                rest.getRestBaseUrl());
    }

    public Dispatcher getDispatcher() {
        return dispatcher;
    }

    public ResourceManager getResourceManager() {
        return resourceManager;
    }

    public int getRpcPort() {
        return rpcPort;
    }

    public RestServerEndpoint getRestEndpoint() {
        return rest;
    }

    @Override
    protected void stopServices() {
        LOG.info("JobManager shutting down.");
        if (rest != null) {
            rest.close();
        }
        if (dispatcher != null) {
            dispatcher.shutdown();
        }
        if (rpc != null) {
            rpc.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
