package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.dispatcher.UnknownJobException;
import dev.brook.runtime.rest.messages.SerializedThrowable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Savepoints as asynchronous operations, in Flink's shape: {@code POST /jobs/:jobid/savepoints}
 * ({@code {"target-directory", "cancel-job"}}) and {@code POST /jobs/:jobid/stop} ({@code
 * {"targetDirectory", "drain"}}) answer 202 with a {@code request-id} at once; {@code GET
 * /jobs/:jobid/savepoints/:triggerid} reports {@code IN_PROGRESS}, then the savepoint's {@code
 * location} or its {@code failure-cause}. A finished operation's result is kept for {@code
 * rest.async.store-duration}.
 */
final class SavepointHandlers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Dispatcher dispatcher;
    private final long storeMillis;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    /** A savepoint request and its outcome. */
    private static final class Operation {
        final JobID jobId;
        final CompletableFuture<String> result;

        /** When the savepoint completed or failed ({@link System#nanoTime()}); 0 before. */
        volatile long finishedAtNanos;

        Operation(JobID jobId, CompletableFuture<String> result) {
            this.jobId = jobId;
            this.result = result;
            result.whenComplete((location, error) -> finishedAtNanos = System.nanoTime());
        }
    }

    SavepointHandlers(Dispatcher dispatcher, Duration storeDuration) {
        this.dispatcher = dispatcher;
        this.storeMillis = storeDuration.toMillis();
    }

    void register(RoutesConfig routes) {
        routes.post("/jobs/{jobid}/savepoints", this::trigger);
        routes.post("/jobs/{jobid}/stop", this::stop);
        routes.get("/jobs/{jobid}/savepoints/{triggerid}", this::status);
    }

    private void trigger(Context ctx) throws Exception {
        JobID jobId = RestJson.jobId(ctx);
        ObjectNode body = RestJson.bodyObject(ctx);
        String directory = RestJson.text(body, "target-directory");
        boolean cancel = RestJson.bool(body, "cancel-job", false);
        CompletableFuture<String> savepoint =
                submit(jobId, () -> dispatcher.triggerSavepoint(jobId, directory));
        if (cancel) {
            savepoint =
                    savepoint.thenApply(
                            location -> {
                                try {
                                    dispatcher.cancelJob(jobId);
                                } catch (UnknownJobException | RejectedExecutionException e) {
                                    // the job ended meanwhile: the savepoint is still there
                                }
                                return location;
                            });
        }
        accepted(ctx, jobId, savepoint);
    }

    private void stop(Context ctx) throws Exception {
        JobID jobId = RestJson.jobId(ctx);
        ObjectNode body = RestJson.bodyObject(ctx);
        String directory = RestJson.text(body, "targetDirectory");
        boolean drain = RestJson.bool(body, "drain", false);
        accepted(
                ctx,
                jobId,
                submit(jobId, () -> dispatcher.stopWithSavepoint(jobId, directory, drain)));
    }

    /** Something the dispatcher starts for a job that may have ended. */
    private interface SavepointRequest {
        CompletableFuture<String> start() throws UnknownJobException;
    }

    private CompletableFuture<String> submit(JobID jobId, SavepointRequest request)
            throws UnknownJobException {
        JobStatus status = dispatcher.getJobStatus(jobId);
        if (status.isTerminalState()) {
            throw new RestHandlerException(
                    409,
                    "Job "
                            + jobId
                            + " has already ended ("
                            + status
                            + "); it takes no savepoints.");
        }
        try {
            return request.start();
        } catch (RejectedExecutionException endedMeanwhile) {
            throw new RestHandlerException(409, "Job " + jobId + " has already ended.");
        }
    }

    private void accepted(Context ctx, JobID jobId, CompletableFuture<String> savepoint) {
        evictExpired();
        String triggerId = HexFormat.of().formatHex(randomBytes());
        operations.put(triggerId, new Operation(jobId, savepoint));
        ObjectNode body = RestJson.object();
        body.put("request-id", triggerId);
        RestJson.send(ctx, 202, body);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private void status(Context ctx) throws Exception {
        JobID jobId = RestJson.jobId(ctx);
        String triggerId = ctx.pathParam("triggerid");
        if (!triggerId.matches("[0-9a-f]{32}")) {
            throw RestHandlerException.badRequest(
                    "Not a trigger id: '"
                            + triggerId
                            + "'. A trigger id is 32 hexadecimal digits.");
        }
        dispatcher.getJobStatus(jobId); // 404 for an unknown job
        evictExpired();
        Operation op = operations.get(triggerId);
        if (op == null || !op.jobId.equals(jobId)) {
            throw RestHandlerException.notFound(
                    "There is no savepoint operation "
                            + triggerId
                            + " for job "
                            + jobId
                            + " (results are kept for rest.async.store-duration).");
        }
        ObjectNode body = RestJson.object();
        CompletableFuture<String> result = op.result;
        if (!result.isDone()) {
            body.putObject("status").put("id", "IN_PROGRESS");
        } else {
            body.putObject("status").put("id", "COMPLETED");
            ObjectNode operation = body.putObject("operation");
            try {
                operation.put("location", result.join());
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                operation.set("failure-cause", SerializedThrowable.toJson(cause));
            }
        }
        RestJson.ok(ctx, body);
    }

    private void evictExpired() {
        long now = System.nanoTime();
        Iterator<Operation> it = operations.values().iterator();
        while (it.hasNext()) {
            long finished = it.next().finishedAtNanos;
            if (finished != 0 && (now - finished) / 1_000_000 > storeMillis) {
                it.remove();
            }
        }
    }
}
