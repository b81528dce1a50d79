package dev.brook.client.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brook.client.deployment.executors.RemoteExecutor;
import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.RestOptions;
import dev.brook.core.execution.JobClient;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The entry point of the Py4J gateway: the few coarse calls a Python program makes per job. Each
 * takes the whole plan as JSON, builds it into a fresh environment and runs it where the context
 * says: under {@code flink run -py} wherever the CLI submits (its context environment); in a Python
 * process that launched the gateway itself, on a MiniCluster, or on the cluster named by {@code
 * execution.target: remote} and {@code rest.address}/{@code rest.port} (the shell's remote mode).
 *
 * <p>Threading model: Py4J may call from several threads; calls share nothing but the immutable
 * base configuration and the lazily created cluster client.
 */
public final class PythonEnvironmentFacade implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Configuration base;
    private RestClusterClient remoteClient;

    public PythonEnvironmentFacade(Configuration base) {
        this.base = new Configuration(base);
    }

    /** Runs the plan and waits for the job's end; its result as JSON. */
    public String execute(String planJson) throws Exception {
        Job job = build(JSON.readTree(planJson), null);
        try {
            return PythonJobClient.resultJson(job.env.execute(job.name));
        } catch (Exception e) {
            throw new PythonJobException(PythonErrors.describe(e), e);
        }
    }

    /** Submits the plan and returns at once. */
    public PythonJobClient executeAsync(String planJson) throws Exception {
        Job job = build(JSON.readTree(planJson), null);
        try {
            return new PythonJobClient(job.env.executeAsync(job.name));
        } catch (Exception e) {
            throw new PythonJobException(PythonErrors.describe(e), e);
        }
    }

    /** The plan's job graph in Flink's execution-plan JSON shape. */
    public String getExecutionPlan(String planJson) throws Exception {
        return build(JSON.readTree(planJson), null).env.getExecutionPlan();
    }

    /**
     * Submits the plan, whose collect sink sends its records back here; the iterator ends with the
     * job. {@code limit > 0} cancels the job after that many records.
     */
    public PythonCollectIterator executeAndCollect(String planJson, int limit) throws Exception {
        JsonNode plan = JSON.readTree(planJson);
        URI remote = remoteAddress(configuration(plan));
        InetAddress local =
                remote == null ? InetAddress.getLoopbackAddress() : addressFacing(remote);
        PythonCollectIterator iterator = new PythonCollectIterator(local, limit);
        try {
            Job job = build(plan, iterator.target(local.getHostAddress()));
            JobClient client = job.env.executeAsync(job.name);
            iterator.attach(client);
            return iterator;
        } catch (Exception e) {
            iterator.close();
            throw new PythonJobException(PythonErrors.describe(e), e);
        }
    }

    private record Job(StreamExecutionEnvironment env, String name) {}

    private Job build(JsonNode plan, CollectSink.Target collectTarget) throws Exception {
        Configuration conf = configuration(plan);
        StreamExecutionEnvironment env = environment(conf);
        PlanTranslator translator = new PlanTranslator(env, collectTarget);
        try {
            translator.translate(plan);
        } catch (RuntimeException e) {
            throw new PythonJobException(
                    "The Python program's job cannot be built: " + PythonErrors.describe(e), e);
        }
        return new Job(env, plan.path("job_name").asText("Python job"));
    }

    private Configuration configuration(JsonNode plan) {
        Configuration conf = new Configuration(base);
        for (Map.Entry<String, JsonNode> e : plan.path("config").properties()) {
            conf.setString(e.getKey(), e.getValue().asText());
        }
        return conf;
    }

    private synchronized StreamExecutionEnvironment environment(Configuration conf) {
        URI remote = remoteAddress(conf);
        if (remote == null || StreamExecutionEnvironment.hasContextEnvironment()) {
            return StreamExecutionEnvironment.getExecutionEnvironment(conf);
        }
        if (remoteClient == null) {
            remoteClient = new RestClusterClient(remote, conf);
        }
        return new StreamExecutionEnvironment(
                conf,
                new RemoteExecutor(remoteClient, List.of()),
                PythonEnvironmentFacade.class.getClassLoader());
    }

    /** The REST address of the cluster jobs go to, or null for a MiniCluster. */
    private static URI remoteAddress(Configuration conf) {
        if (!"remote".equals(conf.getString("execution.target", null))) {
            return null;
        }
        return URI.create(
                "http://" + conf.get(RestOptions.ADDRESS) + ":" + conf.get(RestOptions.PORT));
    }

    /** This host's address on the route to {@code remote}: where its TaskManagers reach us. */
    private static InetAddress addressFacing(URI remote) throws IOException {
        InetAddress target = InetAddress.getByName(remote.getHost());
        if (target.isLoopbackAddress()) {
            return InetAddress.getLoopbackAddress();
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(target, Math.max(1, remote.getPort())));
            return probe.getLocalAddress();
        }
    }

    @Override
    public synchronized void close() {
        if (remoteClient != null) {
            remoteClient.close();
            remoteClient = null;
        }
    }
}
