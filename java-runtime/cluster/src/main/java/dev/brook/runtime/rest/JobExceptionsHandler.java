package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.jobmaster.JobDetailsSnapshot;
import dev.brook.runtime.rest.messages.SerializedThrowable;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/:jobid/exceptions[?maxExceptions=n]}: the job's root failure and the failures of
 * its subtasks, newest first, both in Flink's older ({@code root-exception}, {@code
 * all-exceptions}) and newer ({@code exceptionHistory}) shapes.
 */
final class JobExceptionsHandler {

    private static final int DEFAULT_MAX_EXCEPTIONS = 20;

    private final Dispatcher dispatcher;

    JobExceptionsHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void register(RoutesConfig routes) {
        routes.get("/jobs/{jobid}/exceptions", this::exceptions);
    }

    private void exceptions(Context ctx) throws Exception {
        JobID jobId = RestJson.jobId(ctx);
        int max = maxExceptions(ctx.queryParam("maxExceptions"));
        CompletableFuture<JobDetailsSnapshot> details = dispatcher.requestJobDetails(jobId);
        ctx.future(() -> details.thenAccept(d -> RestJson.ok(ctx, json(d, max))));
    }

    private static int maxExceptions(String param) {
        if (param == null) {
            return DEFAULT_MAX_EXCEPTIONS;
        }
        try {
            int max = Integer.parseInt(param);
            if (max >= 0) {
                return max;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RestHandlerException.badRequest(
                "maxExceptions must be a non-negative integer, not '" + param + "'.");
    }

    static ObjectNode json(JobDetailsSnapshot d, int max) {
        List<JobDetailsSnapshot.ExceptionEntry> newestFirst = new ArrayList<>(d.exceptionHistory());
        Collections.reverse(newestFirst);
        boolean truncated = d.exceptionHistoryTruncated() || newestFirst.size() > max;
        List<JobDetailsSnapshot.ExceptionEntry> shown =
                newestFirst.subList(0, Math.min(max, newestFirst.size()));

        ObjectNode body = RestJson.object();
        Throwable root = d.failureCause();
        long rootTime =
                root == null ? -1 : d.statusTimestamps().getOrDefault(JobStatus.FAILED, -1L);
        if (root == null && !newestFirst.isEmpty()) {
            root = newestFirst.get(0).exception();
            rootTime = newestFirst.get(0).timestamp();
        }
        if (root == null) {
            body.putNull("root-exception");
            body.putNull("timestamp");
        } else {
            body.put("root-exception", SerializedThrowable.stackTrace(root));
            body.put("timestamp", rootTime);
        }
        ArrayNode all = body.putArray("all-exceptions");
        for (JobDetailsSnapshot.ExceptionEntry e : shown) {
            ObjectNode node = all.addObject();
            node.put("exception", stackTrace(e.exception()));
            node.put("task", e.taskName());
            node.put("location", location(e.location()));
            node.put("timestamp", e.timestamp());
            node.put("taskManagerId", taskManagerId(e.location()));
        }
        body.put("truncated", truncated);
        ObjectNode history = body.putObject("exceptionHistory");
        ArrayNode entries = history.putArray("entries");
        for (JobDetailsSnapshot.ExceptionEntry e : shown) {
            ObjectNode node = entries.addObject();
            node.put(
                    "exceptionName",
                    e.exception() == null ? null : e.exception().getClass().getName());
            node.put("stacktrace", stackTrace(e.exception()));
            node.put("timestamp", e.timestamp());
            node.put("taskName", e.taskName());
            node.put("location", location(e.location()));
            node.put("endpoint", location(e.location()));
            node.put("taskManagerId", taskManagerId(e.location()));
            node.putObject("failureLabels");
            node.putArray("concurrentExceptions");
        }
        history.put("truncated", truncated);
        return body;
    }

    private static String stackTrace(Throwable t) {
        return t == null ? null : SerializedThrowable.stackTrace(t);
    }

    private static String location(TaskManagerLocation location) {
        return location == null ? null : location.host() + ":" + location.dataPort();
    }

    private static String taskManagerId(TaskManagerLocation location) {
        return location == null ? null : location.resourceId().toString();
    }
}
