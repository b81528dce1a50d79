package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.jobmaster.JobResult;
import dev.brook.runtime.rest.messages.SerializedThrowable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/:jobid/execution-result}: {@code {"status": {"id": "IN_PROGRESS"}}} while the
 * job runs, then the result in Flink's shape, with the failure serialized so that a client can
 * rethrow it with the job's classes. Clients poll it; it never blocks.
 */
final class JobExecutionResultHandler {

    private final Dispatcher dispatcher;

    JobExecutionResultHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void register(RoutesConfig routes) {
        routes.get("/jobs/{jobid}/execution-result", this::executionResult);
    }

    private void executionResult(Context ctx) throws Exception {
        JobID jobId = RestJson.jobId(ctx);
        dispatcher.getJobStatus(jobId); // 404 for an unknown job
        CompletableFuture<JobResult> result = dispatcher.requestJobResult(jobId);
        ObjectNode body = RestJson.object();
        if (!result.isDone()) {
            body.putObject("status").put("id", "IN_PROGRESS");
            RestJson.ok(ctx, body);
            return;
        }
        JobResult r = result.join();
        body.putObject("status").put("id", "COMPLETED");
        ObjectNode json = body.putObject("job-execution-result");
        json.put("id", r.jobId().toString());
        // Not in Flink's shape: lets a client name the job in its messages without another call.
        json.put("job-name", r.jobName());
        json.put("application-status", applicationStatus(r.status()));
        json.putObject("accumulator-results");
        json.put("net-runtime", r.netRuntimeMillis());
        if (r.failureCause() != null) {
            json.set("failure-cause", SerializedThrowable.toJson(r.failureCause()));
        }
        RestJson.ok(ctx, body);
    }

    /** Flink's {@code ApplicationStatus} of a job that ended with {@code status}. */
    static String applicationStatus(JobStatus status) {
        return switch (status) {
            case FINISHED -> "SUCCEEDED";
            case FAILED -> "FAILED";
            case CANCELED -> "CANCELED";
            default -> "UNKNOWN";
        };
    }
}
