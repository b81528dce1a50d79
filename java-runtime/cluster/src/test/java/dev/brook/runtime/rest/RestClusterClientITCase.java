package dev.brook.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.JobExecutionException;
import dev.brook.api.common.JobExecutionResult;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.client.deployment.executors.RemoteExecutor;
import dev.brook.client.program.rest.RestClientException;
import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.RestOptions;
import dev.brook.core.execution.JobClient;
import dev.brook.runtime.checkpoint.CheckpointException;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobmaster.JobResult;
import dev.brook.runtime.rest.testprogram.SequenceProgram;
import dev.brook.runtime.rest.testprogram.TestJars;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client the CLI uses, against a REST endpoint on a MiniCluster: submission with jars,
 * results (with the job's own failure), listing, status, cancellation, savepoints and stopping, a
 * {@link JobClient} over it, and errors that carry the server's message and the request.
 */
class RestClusterClientITCase {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir static Path uploads;
    @TempDir static Path work;

    private static RestTestCluster rest;
    private static RestClusterClient client;

    @BeforeAll
    static void start() throws Exception {
        rest = new RestTestCluster(uploads);
        client = new RestClusterClient(rest.baseUri, new Configuration());
    }

    @AfterAll
    static void stop() {
        client.close();
        rest.close();
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void submitsAJobWithItsJarsAndWaitsForItsResult() throws Exception {
        Path jar = TestJars.programJar(work.resolve("code.jar"), SequenceProgram.class);
        JobGraph job = RestTestCluster.boundedJob("round-trip", 1_000);
        JobID jobId = await(client.submitJob(job, List.of(jar)));
        assertThat(jobId).isEqualTo(job.jobId());

        JobResult result = await(client.requestJobResult(jobId, getClass().getClassLoader()));
        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(result.jobName()).isEqualTo("round-trip");
        assertThat(result.failureCause()).isNull();
        assertThat(result.netRuntimeMillis()).isNotNegative();
        Path shipped = rest.cluster.getDispatcher().userJars(jobId).get(0);
        assertThat(Files.mismatch(shipped, jar)).isEqualTo(-1);

        List<Dispatcher.JobDetails> jobs = await(client.listJobs());
        assertThat(jobs)
                .anySatisfy(
                        j -> {
                            assertThat(j.jobId()).isEqualTo(jobId);
                            assertThat(j.name()).isEqualTo("round-trip");
                            assertThat(j.status()).isEqualTo(JobStatus.FINISHED);
                            assertThat(j.startTime()).isPositive();
                        });
        assertThat(await(client.getJobStatus(jobId))).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void aFailedJobsResultCarriesItsOwnFailure() throws Exception {
        JobID jobId = await(client.submitJob(RestTestCluster.failingJob("doomed"), List.of()));
        JobResult result = await(client.requestJobResult(jobId, getClass().getClassLoader()));
        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        Throwable root = result.failureCause();
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root)
                .isInstanceOf(RestTestCluster.UserFailure.class)
                .hasMessage("record 100 is cursed");

        JobClient jobClient = client.jobClient(jobId, getClass().getClassLoader());
        assertThatThrownBy(() -> await(jobClient.getJobExecutionResult()))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(JobExecutionException.class)
                .hasMessage(
                        "Job 'doomed' failed: "
                                + RestTestCluster.UserFailure.class.getName()
                                + ": record 100 is cursed");
    }

    @Test
    void takesASavepointThenStopsWithOne(@TempDir Path savepoints) throws Exception {
        JobID jobId =
                await(
                        client.submitJob(
                                RestTestCluster.unboundedJob("long-running", true), List.of()));
        JobClient jobClient = client.jobClient(jobId, getClass().getClassLoader());
        rest.await(
                "/jobs/" + jobId + "/checkpoints",
                j -> j.path("counts").path("completed").asInt() >= 1);
        assertThat(await(jobClient.getJobStatus())).isEqualTo(JobStatus.RUNNING);

        String savepoint = await(jobClient.triggerSavepoint(savepoints.toString()));
        assertThat(Path.of(savepoint).resolve("_metadata")).exists();
        assertThat(Path.of(savepoint).getParent()).isEqualTo(savepoints);

        String stopped = await(jobClient.stopWithSavepoint(false, savepoints.toString()));
        assertThat(Path.of(stopped).resolve("_metadata")).exists();
        assertThat(stopped).isNotEqualTo(savepoint);
        JobExecutionResult result = await(jobClient.getJobExecutionResult());
        assertThat(result.getJobID()).isEqualTo(jobId);
        assertThat(await(client.getJobStatus(jobId))).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void cancelsAJob() throws Exception {
        JobID jobId =
                await(
                        client.submitJob(
                                RestTestCluster.unboundedJob("to-cancel", false), List.of()));
        rest.awaitState(jobId, JobStatus.RUNNING);
        JobClient jobClient = client.jobClient(jobId, getClass().getClassLoader());
        assertThatThrownBy(() -> await(jobClient.triggerSavepoint(work.toString())))
                .cause()
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("Savepoints need checkpointing");

        await(jobClient.cancel());
        assertThat(await(client.requestJobResult(jobId, getClass().getClassLoader())).status())
                .isEqualTo(JobStatus.CANCELED);
        assertThatThrownBy(() -> await(jobClient.getJobExecutionResult()))
                .cause()
                .isInstanceOf(JobExecutionException.class)
                .hasMessage("Job 'to-cancel' was cancelled.");
        assertThatThrownBy(() -> await(client.cancel(jobId)))
                .cause()
                .isInstanceOf(RestClientException.class)
                .hasMessage(
                        "Job "
                                + jobId
                                + " has already ended (CANCELED). (HTTP 409 from PATCH /jobs/"
                                + jobId
                                + "?mode=cancel at "
                                + rest.baseUri.resolve("/jobs/" + jobId + "?mode=cancel")
                                + ")");
    }

    @Test
    void aProgramRunsOnTheClusterThroughTheRemoteExecutor() throws Exception {
        StreamExecutionEnvironment env =
                new StreamExecutionEnvironment(
                        new Configuration(),
                        new RemoteExecutor(client, List.of()),
                        getClass().getClassLoader());
        env.setParallelism(2);
        env.fromSequence(1, 300).map(v -> v + 1, Types.LONG).addSink(discarding());
        JobExecutionResult result = env.execute("remote");
        assertThat(await(client.getJobStatus(result.getJobID()))).isEqualTo(JobStatus.FINISHED);
    }

    /** Created in a static method, so it does not capture the test instance. */
    private static SinkFunction<Long> discarding() {
        return new SinkFunction<>() {};
    }

    @Test
    void errorsCarryTheServersMessageAndTheRequest() throws Exception {
        JobID unknown = JobID.generate();
        assertThatThrownBy(() -> await(client.getJobStatus(unknown)))
                .cause()
                .isInstanceOf(RestClientException.class)
                .hasMessage(
                        "Job "
                                + unknown
                                + " not found (HTTP 404 from GET /jobs/"
                                + unknown
                                + " at "
                                + rest.baseUri.resolve("/jobs/" + unknown)
                                + ")")
                .extracting(e -> ((RestClientException) e).getHttpStatus())
                .isEqualTo(404);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Configuration conf = new Configuration();
        conf.set(RestOptions.CONNECTION_TIMEOUT, Duration.ofSeconds(2));
        try (RestClusterClient nowhere =
                new RestClusterClient(URI.create("http://127.0.0.1:" + closedPort), conf)) {
            assertThatThrownBy(() -> await(nowhere.listJobs()))
                    .cause()
                    .isInstanceOf(RestClientException.class)
                    .hasMessageStartingWith(
                            "Could not connect to the cluster at http://127.0.0.1:"
                                    + closedPort
                                    + " (ConnectException). Is it running, and are rest.address"
                                    + " and rest.port right? [GET /jobs/overview at ");
        }
    }

    @Test
    void readsTheAddressFromTheConfiguration() {
        Configuration conf = new Configuration();
        conf.setString("jobmanager.rpc.address", "jm.example");
        conf.set(RestOptions.PORT, 9091);
        try (RestClusterClient configured = new RestClusterClient(conf)) {
            assertThat(configured.getWebInterfaceURL())
                    .isEqualTo(URI.create("http://jm.example:9091"));
        }
    }
}
