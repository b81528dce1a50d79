package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.execution.ExecutionState;
import dev.brook.runtime.jobmaster.JobDetailsSnapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Jobs, in Flink's JSON: {@code GET /jobs}, {@code /jobs/overview}, {@code /jobs/:jobid}, {@code
 * /jobs/:jobid/plan}, and cancellation with {@code PATCH /jobs/:jobid}.
 */
final class JobsHandlers {

    private final Dispatcher dispatcher;

    JobsHandlers(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void register(RoutesConfig routes) {
        routes.get("/jobs", this::jobs);
        routes.get("/jobs/overview", this::overview);
        routes.get("/jobs/{jobid}", this::details);
        routes.get("/jobs/{jobid}/plan", this::plan);
        routes.patch("/jobs/{jobid}", this::cancel);
    }

    private void jobs(Context ctx) {
        ObjectNode body = RestJson.object();
        ArrayNode list = body.putArray("jobs");
        for (Dispatcher.JobDetails job : dispatcher.listJobs()) {
            list.addObject().put("id", job.jobId().toString()).put("status", job.status().name());
        }
        RestJson.ok(ctx, body);
    }

    private void overview(Context ctx) throws Exception {
        List<CompletableFuture<JobDetailsSnapshot>> futures = new ArrayList<>();
        for (Dispatcher.JobDetails job : dispatcher.listJobs()) {
            futures.add(dispatcher.requestJobDetails(job.jobId()));
        }
        ctx.future(
                () ->
                        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                                .thenAccept(
                                        ignored -> {
                                            List<JobDetailsSnapshot> jobs = new ArrayList<>();
                                            futures.forEach(f -> jobs.add(f.join()));
                                            jobs.sort(
                                                    Comparator.comparingLong(
                                                                    JobDetailsSnapshot::startTime)
                                                            .reversed());
                                            ObjectNode body = RestJson.object();
                                            ArrayNode list = body.putArray("jobs");
                                            jobs.forEach(j -> list.add(overviewJson(j)));
                                            RestJson.ok(ctx, body);
                                        }));
    }

    private void details(Context ctx) throws Exception {
        JobID jobId = RestJson.jobId(ctx);
        CompletableFuture<JobDetailsSnapshot> details = dispatcher.requestJobDetails(jobId);
        ctx.future(() -> details.thenAccept(d -> RestJson.ok(ctx, detailsJson(d))));
    }

    private void plan(Context ctx) throws Exception {
        JobID jobId = RestJson.jobId(ctx);
        CompletableFuture<JobDetailsSnapshot> details = dispatcher.requestJobDetails(jobId);
        ctx.future(
                () ->
                        details.thenAccept(
                                d -> {
                                    ObjectNode body = RestJson.object();
                                    body.set("plan", JsonPlan.of(d));
                                    RestJson.ok(ctx, body);
                                }));
    }

    /** {@code PATCH /jobs/:jobid?mode=cancel}: 202 once cancellation has been requested. */
    private void cancel(Context ctx) throws Exception {
        JobID jobId = RestJson.jobId(ctx);
        String mode = ctx.queryParam("mode");
        if (mode != null && !mode.equals("cancel")) {
            throw RestHandlerException.badRequest(
                    "Unknown mode '"
                            + mode
                            + "': PATCH /jobs/:jobid supports mode=cancel; to stop with a"
                            + " savepoint use POST /jobs/:jobid/stop.");
        }
        JobStatus status = dispatcher.getJobStatus(jobId);
        if (status.isTerminalState()) {
            throw new RestHandlerException(
                    409, "Job " + jobId + " has already ended (" + status + ").");
        }
        try {
            dispatcher.cancelJob(jobId);
        } catch (RejectedExecutionException endedMeanwhile) {
            throw new RestHandlerException(409, "Job " + jobId + " has already ended.");
        }
        RestJson.send(ctx, 202, RestJson.object());
    }

    // ------------------------------------------------------------------ JSON

    static ObjectNode overviewJson(JobDetailsSnapshot d) {
        ObjectNode node = RestJson.object();
        node.put("jid", d.jobId().toString());
        node.put("name", d.name());
        node.put("state", d.status().name());
        node.put("start-time", d.startTime());
        node.put("end-time", d.endTime());
        node.put("duration", d.duration());
        node.put("last-modification", lastModification(d));
        ObjectNode tasks = node.putObject("tasks");
        Map<ExecutionState, Integer> counts = d.taskCounts();
        int total = 0;
        for (ExecutionState s : ExecutionState.values()) {
            tasks.put(s.name().toLowerCase(Locale.ROOT), counts.get(s));
            total += counts.get(s);
        }
        tasks.put("total", total);
        return node;
    }

    private static long lastModification(JobDetailsSnapshot d) {
        return d.statusTimestamps().values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    static ObjectNode detailsJson(JobDetailsSnapshot d) {
        ObjectNode node = RestJson.object();
        node.put("jid", d.jobId().toString());
        node.put("name", d.name());
        node.put("isStoppable", false);
        node.put("state", d.status().name());
        node.put("job-type", d.executionMode().name());
        node.put("start-time", d.startTime());
        node.put("end-time", d.endTime());
        node.put("duration", d.duration());
        node.put("maxParallelism", -1);
        node.put("now", d.now());
        ObjectNode timestamps = node.putObject("timestamps");
        for (JobStatus s : JobStatus.values()) {
            timestamps.put(s.name(), d.statusTimestamps().getOrDefault(s, 0L));
        }
        ArrayNode vertices = node.putArray("vertices");
        for (JobDetailsSnapshot.Vertex v : d.vertices()) {
            ObjectNode vertex = vertices.addObject();
            vertex.put("id", v.id().toString());
            vertex.put("slotSharingGroupId", v.slotSharingGroup());
            vertex.put("name", v.name());
            vertex.put("maxParallelism", v.maxParallelism());
            vertex.put("parallelism", v.parallelism());
            vertex.put("status", v.state().name());
            vertex.put("start-time", v.startTime());
            vertex.put("end-time", v.endTime());
            vertex.put("duration", vertexDuration(v, d.now()));
            vertex.set("tasks", countsJson(v.taskCounts()));
        }
        node.set("status-counts", countsJson(d.taskCounts()));
        node.set("plan", JsonPlan.of(d));
        return node;
    }

    private static long vertexDuration(JobDetailsSnapshot.Vertex v, long now) {
        if (v.startTime() < 0) {
            return -1;
        }
        return (v.endTime() < 0 ? now : v.endTime()) - v.startTime();
    }

    private static ObjectNode countsJson(Map<ExecutionState, Integer> counts) {
        ObjectNode node = RestJson.object();
        for (ExecutionState s : ExecutionState.values()) {
            node.put(s.name(), counts.getOrDefault(s, 0));
        }
        return node;
    }
}
