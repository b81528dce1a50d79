package dev.brook.client.program.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.RestOptions;
import dev.brook.core.execution.JobClient;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobmaster.JobResult;
import dev.brook.runtime.rest.messages.SerializedThrowable;
import dev.brook.runtime.serialization.JavaSerialization;
import dev.brook.runtime.util.DaemonThreadFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The client of a cluster's REST API that the CLI uses: submits job graphs with their jars, lists
 * jobs, asks for a job's status and result, cancels, and takes savepoints. Savepoints and results
 * are asynchronous on the server; the client polls them (backing off from 10 ms to 50 ms: a poll
 * costs the JobManager far less than a finished job's result waiting for the next one) and
 * completes its futures when they are done.
 *
 * <p>Errors complete the futures with a {@link RestClientException} carrying the server's message
 * and the request; a failed job's result carries the job's own failure, deserialized with the class
 * loader given, so exceptions of the user's classes arrive as themselves.
 *
 * <p>Threading model: thread-safe; every call returns at once with a future.
 */
public final class RestClusterClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long FIRST_POLL_MILLIS = 10;
    private static final long MAX_POLL_MILLIS = 50;

    private final URI baseUri;
    private final Duration requestTimeout;
    private final ExecutorService executor;
    private final HttpClient http;

    /**
     * A client of the cluster at {@code rest.address} (or the JobManager's) and {@code rest.port}.
     */
    public RestClusterClient(Configuration configuration) {
        this(
                URI.create(
                        "http://"
                                + configuration.get(RestOptions.ADDRESS)
                                + ":"
                                + configuration.get(RestOptions.PORT)),
                configuration);
    }

    /** A client of the cluster at {@code baseUri} ({@code http://host:port}). */
    public RestClusterClient(URI baseUri, Configuration configuration) {
        this.baseUri = baseUri;
        this.requestTimeout = configuration.get(RestOptions.IDLENESS_TIMEOUT);
        this.executor = Executors.newCachedThreadPool(new DaemonThreadFactory("brook-rest-client"));
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(configuration.get(RestOptions.CONNECTION_TIMEOUT))
                        .executor(executor)
                        .build();
    }

    /** The cluster's address, e.g. to print where its web interface is. */
    public URI getWebInterfaceURL() {
        return baseUri;
    }

    // ------------------------------------------------------------------ jobs

    /**
     * Submits a job whose code is in {@code userJars} (none when it is on the cluster's class
     * path); completes with its id once the cluster has accepted it.
     */
    public CompletableFuture<JobID> submitJob(JobGraph jobGraph, List<Path> userJars) {
        String graphFile = "job-" + jobGraph.jobId() + ".graph";
        ObjectNode request = MAPPER.createObjectNode();
        request.put("jobGraphFileName", graphFile);
        ArrayNode jarNames = request.putArray("jobJarFileNames");
        Set<String> names = new HashSet<>();
        MultipartBody body = new MultipartBody();
        try {
            for (Path jar : userJars) {
                String name = jar.getFileName().toString();
                if (!names.add(name)) {
                    throw new IllegalArgumentException(
                            "Two jars of the job are named '" + name + "'; rename one.");
                }
                jarNames.add(name);
            }
            body.field("request", "application/json", MAPPER.writeValueAsString(request));
            body.file("file_0", graphFile, JavaSerialization.serialize(jobGraph, "job graph"));
            int i = 1;
            for (Path jar : userJars) {
                body.file("file_" + i++, jar.getFileName().toString(), jar);
            }
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest.Builder builder =
                request("/jobs").header("Content-Type", body.contentType()).POST(body.publisher());
        return send(builder, "POST /jobs").thenApply(ignored -> jobGraph.jobId());
    }

    /** Uploads a jar to the cluster ({@code POST /jars/upload}); completes with its jar id. */
    public CompletableFuture<String> uploadJar(Path jar) {
        MultipartBody body = new MultipartBody();
        try {
            body.file("jarfile", jar.getFileName().toString(), jar);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest.Builder builder =
                request("/jars/upload")
                        .header("Content-Type", body.contentType())
                        .POST(body.publisher());
        return send(builder, "POST /jars/upload")
                .thenApply(
                        json -> Path.of(json.path("filename").asText()).getFileName().toString());
    }

    /**
     * Runs an uploaded jar's program in the JobManager ({@code POST /jars/:jarid/run}); completes
     * with the id of the job it submitted. Null arguments leave the cluster's defaults.
     */
    public CompletableFuture<List<JobID>> runJar(
            String jarId,
            String entryClass,
            List<String> programArgs,
            Integer parallelism,
            String savepointPath,
            boolean allowNonRestoredState) {
        ObjectNode body = MAPPER.createObjectNode();
        if (entryClass != null) {
            body.put("entryClass", entryClass);
        }
        ArrayNode args = body.putArray("programArgsList");
        programArgs.forEach(args::add);
        if (parallelism != null) {
            body.put("parallelism", parallelism);
        }
        if (savepointPath != null) {
            body.put("savepointPath", savepointPath);
        }
        body.put("allowNonRestoredState", allowNonRestoredState);
        return post("/jars/" + jarId + "/run", body)
                .thenApply(json -> List.of(JobID.fromHexString(json.path("jobid").asText())));
    }

    /** Every job the cluster knows, running or ended, newest first. */
    public CompletableFuture<List<Dispatcher.JobDetails>> listJobs() {
        return get("/jobs/overview")
                .thenApply(
                        json -> {
                            List<Dispatcher.JobDetails> jobs = new ArrayList<>();
                            for (JsonNode job : json.path("jobs")) {
                                jobs.add(
                                        new Dispatcher.JobDetails(
                                                JobID.fromHexString(job.path("jid").asText()),
                                                job.path("name").asText(),
                                                JobStatus.valueOf(job.path("state").asText()),
                                                job.path("start-time").asLong()));
                            }
                            return jobs;
                        });
    }

    public CompletableFuture<JobStatus> getJobStatus(JobID jobId) {
        return get("/jobs/" + jobId)
                .thenApply(json -> JobStatus.valueOf(json.path("state").asText()));
    }

    /** Completes once the cluster has started cancelling the job. */
    public CompletableFuture<Void> cancel(JobID jobId) {
        String path = "/jobs/" + jobId + "?mode=cancel";
        return send(
                        request(path).method("PATCH", HttpRequest.BodyPublishers.noBody()),
                        "PATCH " + path)
                .thenApply(ignored -> null);
    }

    /**
     * Takes a savepoint into a new directory under {@code savepointDirectory} (null for the
     * cluster's default); completes with its path.
     */
    public CompletableFuture<String> triggerSavepoint(JobID jobId, String savepointDirectory) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("target-directory", savepointDirectory);
        body.put("cancel-job", false);
        return savepointOperation(jobId, "/jobs/" + jobId + "/savepoints", body);
    }

    /**
     * Stops the job with a savepoint into a new directory under {@code savepointDirectory} (null
     * for the cluster's default), with {@code drain} first advancing event time to its end;
     * completes with the savepoint's path.
     */
    public CompletableFuture<String> stopWithSavepoint(
            JobID jobId, String savepointDirectory, boolean drain) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("targetDirectory", savepointDirectory);
        body.put("drain", drain);
        return savepointOperation(jobId, "/jobs/" + jobId + "/stop", body);
    }

    private CompletableFuture<String> savepointOperation(
            JobID jobId, String path, ObjectNode body) {
        return post(path, body)
                .thenCompose(
                        accepted -> {
                            String status =
                                    "/jobs/"
                                            + jobId
                                            + "/savepoints/"
                                            + accepted.path("request-id").asText();
                            return poll(
                                    status,
                                    json ->
                                            json.path("status")
                                                    .path("id")
                                                    .asText()
                                                    .equals("COMPLETED"));
                        })
                .thenApply(
                        done -> {
                            JsonNode operation = done.path("operation");
                            if (operation.has("failure-cause")) {
                                throw new CompletionException(
                                        SerializedThrowable.fromJson(
                                                operation.get("failure-cause"),
                                                RestClusterClient.class.getClassLoader()));
                            }
                            return operation.path("location").asText();
                        });
    }

    /**
     * Completes when the job has ended, with its result; the failure of a failed job is read back
     * with {@code classLoader} (the job's classes), or becomes a {@link
     * dev.brook.runtime.rest.messages.RemoteThrowable} if a class of it is missing.
     */
    public CompletableFuture<JobResult> requestJobResult(JobID jobId, ClassLoader classLoader) {
        return poll(
                        "/jobs/" + jobId + "/execution-result",
                        json -> json.path("status").path("id").asText().equals("COMPLETED"))
                .thenApply(
                        json -> toJobResult(jobId, json.path("job-execution-result"), classLoader));
    }

    private static JobResult toJobResult(JobID jobId, JsonNode json, ClassLoader classLoader) {
        String applicationStatus = json.path("application-status").asText();
        JobStatus status =
                switch (applicationStatus) {
                    case "SUCCEEDED" -> JobStatus.FINISHED;
                    case "CANCELED" -> JobStatus.CANCELED;
                    case "FAILED" -> JobStatus.FAILED;
                    default ->
                            throw new CompletionException(
                                    new RestClientException(
                                            "Job "
                                                    + jobId
                                                    + " ended with an unknown status '"
                                                    + applicationStatus
                                                    + "'.",
                                            200,
                                            null));
                };
        JsonNode failure = json.get("failure-cause");
        return new JobResult(
                jobId,
                json.path("job-name").asText(jobId.toString()),
                status,
                json.path("net-runtime").asLong(),
                failure == null || failure.isNull()
                        ? null
                        : SerializedThrowable.fromJson(failure, classLoader));
    }

    /**
     * A {@link JobClient} for a job on this cluster; failures are read with {@code classLoader}.
     */
    public JobClient jobClient(JobID jobId, ClassLoader classLoader) {
        return new RestJobClient(this, jobId, classLoader);
    }

    // ------------------------------------------------------------------ HTTP

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(requestTimeout);
    }

    private CompletableFuture<JsonNode> get(String path) {
        return send(request(path).GET(), "GET " + path);
    }

    private CompletableFuture<JsonNode> post(String path, JsonNode body) {
        String json;
        try {
            json = MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                "POST " + path);
    }

    /**
     * Polls {@code path} until {@code done} holds for its answer, backing off up to 50 ms; one
     * result future however long it takes, not a chain of one per poll.
     */
    private CompletableFuture<JsonNode> poll(String path, Predicate<JsonNode> done) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pollAfter(path, done, result, 0);
        return result;
    }

    private void pollAfter(
            String path, Predicate<JsonNode> done, CompletableFuture<JsonNode> result, long delay) {
        Executor when =
                delay == 0
                        ? executor
                        : CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, executor);
        long next = Math.min(MAX_POLL_MILLIS, Math.max(FIRST_POLL_MILLIS, delay * 3 / 2));
        try {
            when.execute(
                    () ->
                            get(path)
                                    .whenComplete(
                                            (json, error) -> {
                                                if (error != null) {
                                                    result.completeExceptionally(error);
                                                } else if (done.test(json)) {
                                                    result.complete(json);
                                                } else {
                                                    pollAfter(path, done, result, next);
                                                }
                                            }));
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(
                    new RestClientException(
                            "The client was closed while waiting for " + path + ".", -1, closed));
        }
    }

    /**
     * Sends the request; a non-2xx answer or no answer fails with a {@link RestClientException}.
     */
    private CompletableFuture<JsonNode> send(HttpRequest.Builder builder, String what) {
        HttpRequest request = builder.build();
        String target = what + " at " + request.uri();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle(
                        (response, error) -> {
                            if (error != null) {
                                throw new CompletionException(noAnswer(target, unwrap(error)));
                            }
                            JsonNode json = parse(response.body());
                            if (response.statusCode() / 100 != 2) {
                                throw new CompletionException(
                                        new RestClientException(
                                                errorMessage(json, response.body())
                                                        + " (HTTP "
                                                        + response.statusCode()
                                                        + " from "
                                                        + target
                                                        + ")",
                                                response.statusCode(),
                                                null));
                            }
                            return json;
                        });
    }

    private RestClientException noAnswer(String target, Throwable error) {
        String why;
        if (error instanceof ConnectException || error instanceof HttpConnectTimeoutException) {
            why =
                    "Could not connect to the cluster at "
                            + baseUri
                            + " ("
                            + error.getClass().getSimpleName()
                            + "). Is it running, and are "
                            + RestOptions.ADDRESS.key()
                            + " and "
                            + RestOptions.PORT.key()
                            + " right?";
        } else if (error instanceof HttpTimeoutException) {
            why =
                    "The cluster did not answer within "
                            + requestTimeout.toMillis()
                            + " ms ("
                            + RestOptions.IDLENESS_TIMEOUT.key()
                            + ").";
        } else {
            why = "The request failed: " + error;
        }
        return new RestClientException(why + " [" + target + "]", -1, error);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException notJson) {
            return MAPPER.createObjectNode().put("body", body);
        }
    }

    /** The server's {@code errors}, joined; else the start of the body. */
    private static String errorMessage(JsonNode json, String body) {
        JsonNode errors = json.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(e -> messages.add(e.asText()));
            return String.join("; ", messages);
        }
        String text = body == null ? "" : body.strip();
        return text.isEmpty() ? "No message" : text.substring(0, Math.min(500, text.length()));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
