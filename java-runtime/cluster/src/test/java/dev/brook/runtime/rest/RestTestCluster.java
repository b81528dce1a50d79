package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.brook.client.program.rest.MultipartBody;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.RestOptions;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.minicluster.MiniCluster;
import dev.brook.runtime.minicluster.MiniClusterConfiguration;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A MiniCluster (two TaskManagers with two slots each) with a REST endpoint on a free loopback
 * port, plain HTTP calls that return status and JSON, and the jobs the REST tests run.
 */
final class RestTestCluster implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Small, so that the oversized-upload test stays fast. */
    static final int MAX_CONTENT_LENGTH = 1 << 20;

    final MiniCluster cluster;
    final RestServerEndpoint endpoint;
    final URI baseUri;
    private final HttpClient http = HttpClient.newHttpClient();

    RestTestCluster(Path uploadDir) throws IOException {
        cluster =
                new MiniCluster(
                        new MiniClusterConfiguration(
                                new Configuration(), 2, 2, Duration.ofSeconds(10)));
        cluster.start();
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(RestOptions.SERVER_MAX_CONTENT_LENGTH, MAX_CONTENT_LENGTH);
        conf.setString("web.upload.dir", uploadDir.toString());
        endpoint =
                new RestServerEndpoint(conf, cluster.getDispatcher(), cluster.getResourceManager());
        endpoint.start();
        baseUri = URI.create(endpoint.getRestBaseUrl());
    }

    /** An answer: status code and body (JSON, or a text node when it is not JSON). */
    record Response(int status, JsonNode json, String body) {
        /** The single message of an error answer. */
        String error() {
            return json.path("errors").path(0).asText();
        }
    }

    Response get(String path) throws Exception {
        return send(HttpRequest.newBuilder(baseUri.resolve(path)).GET());
    }

    Response post(String path, String json) throws Exception {
        return send(
                HttpRequest.newBuilder(baseUri.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response patch(String path) throws Exception {
        return send(
                HttpRequest.newBuilder(baseUri.resolve(path))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    Response delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(baseUri.resolve(path)).DELETE());
    }

    Response postMultipart(String path, MultipartBody body) throws Exception {
        return send(
                HttpRequest.newBuilder(baseUri.resolve(path))
                        .header("Content-Type", body.contentType())
                        .POST(body.publisher()));
    }

    Response send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r =
                http.send(
                        request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException notJson) {
            json = JSON.getNodeFactory().textNode(r.body());
        }
        return new Response(r.statusCode(), json, r.body());
    }

    /**
     * Polls {@code path} until {@code condition} holds for its JSON (the suite's timeout bounds
     * it).
     */
    JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        while (true) {
            Response r = get(path);
            if (r.status() == 200 && condition.test(r.json())) {
                return r.json();
            }
            Thread.sleep(20);
        }
    }

    JsonNode awaitState(JobID jobId, JobStatus state) throws Exception {
        return await("/jobs/" + jobId, json -> json.path("state").asText().equals(state.name()));
    }

    /** Submits straight to the dispatcher, as a job already running on the cluster. */
    JobID run(JobGraph job) {
        cluster.submitJob(job, RestTestCluster.class.getClassLoader()).join();
        return job.jobId();
    }

    /** {@code count} numbers through a map into a sink, at parallelism 2: finishes quickly. */
    static JobGraph boundedJob(String name, long count) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, count)
                .map(v -> v * 2, Types.LONG)
                .rebalance()
                .addSink(new SinkFunction<>() {});
        return env.getJobGraph(name);
    }

    /**
     * Numbers at 500 per second until cancelled or stopped, with checkpoints every 50 ms when
     * {@code checkpointed}.
     */
    static JobGraph unboundedJob(String name, boolean checkpointed) {
        Configuration conf = new Configuration();
        if (checkpointed) {
            conf.setString("execution.checkpointing.interval", "50 ms");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(1);
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> i,
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(500),
                                Types.LONG),
                        WatermarkStrategy.noWatermarks(),
                        "numbers")
                .map(v -> v + 1, Types.LONG)
                .addSink(new SinkFunction<>() {});
        return env.getJobGraph(name);
    }

    /** A failure of the user's code, with a message the tests look for. */
    static final class UserFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserFailure(String message) {
            super(message);
        }
    }

    /** Fails in its map function on the 100th record. */
    static JobGraph failingJob(String name) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(1, 1_000)
                .map(
                        v -> {
                            if (v == 100) {
                                throw new UserFailure("record " + v + " is cursed");
                            }
                            return v;
                        },
                        Types.LONG)
                .addSink(new SinkFunction<>() {});
        return env.getJobGraph(name);
    }

    @Override
    public void close() {
        endpoint.close();
        cluster.close();
    }
}
