package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobID;
import dev.brook.runtime.checkpoint.CheckpointStats;
import dev.brook.runtime.checkpoint.CheckpointStatsSnapshot;
import dev.brook.runtime.dispatcher.Dispatcher;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/:jobid/checkpoints}: counts, a summary, the latest completed, savepoint, failed
 * and restored checkpoint and the recent history, in Flink's JSON; 404 for a job without
 * checkpointing, as in Flink.
 */
final class CheckpointStatisticsHandler {

    private final Dispatcher dispatcher;

    CheckpointStatisticsHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void register(RoutesConfig routes) {
        routes.get("/jobs/{jobid}/checkpoints", this::checkpoints);
    }

    private void checkpoints(Context ctx) throws Exception {
        JobID jobId = RestJson.jobId(ctx);
        CompletableFuture<CheckpointStatsSnapshot> stats =
                dispatcher.requestCheckpointStatistics(jobId);
        ctx.future(
                () ->
                        stats.thenAccept(
                                s -> {
                                    if (s == null) {
                                        throw RestHandlerException.notFound(
                                                "Checkpointing is not enabled for job "
                                                        + jobId
                                                        + " (set execution.checkpointing.interval;"
                                                        + " BATCH jobs take no checkpoints).");
                                    }
                                    RestJson.ok(ctx, json(s));
                                }));
    }

    static ObjectNode json(CheckpointStatsSnapshot s) {
        ObjectNode body = RestJson.object();
        ObjectNode counts = body.putObject("counts");
        counts.put("restored", s.counts().restored());
        counts.put("total", s.counts().total());
        counts.put("in_progress", s.counts().inProgress());
        counts.put("completed", s.counts().completed());
        counts.put("failed", s.counts().failed());

        ObjectNode summary = body.putObject("summary");
        summary.set("checkpointed_size", minMaxAvg(s.summary().stateSize()));
        summary.set("state_size", minMaxAvg(s.summary().stateSize()));
        summary.set("end_to_end_duration", minMaxAvg(s.summary().endToEndDuration()));

        ObjectNode latest = body.putObject("latest");
        latest.set("completed", s.latestCompleted() == null ? null : stats(s.latestCompleted()));
        latest.set("savepoint", s.latestSavepoint() == null ? null : stats(s.latestSavepoint()));
        latest.set("failed", s.latestFailed() == null ? null : stats(s.latestFailed()));
        if (s.latestRestored() == null) {
            latest.putNull("restored");
        } else {
            CheckpointStatsSnapshot.RestoredCheckpoint r = s.latestRestored();
            ObjectNode restored = latest.putObject("restored");
            restored.put("id", r.checkpointId());
            restored.put("restore_timestamp", r.restoreTimestamp());
            restored.put("is_savepoint", r.savepoint());
            restored.put("external_path", r.externalPath());
        }

        ArrayNode history = body.putArray("history");
        s.history().forEach(c -> history.add(stats(c)));
        return body;
    }

    private static ObjectNode minMaxAvg(CheckpointStatsSnapshot.MinMaxAvg m) {
        ObjectNode node = RestJson.object();
        node.put("min", m.min());
        node.put("max", m.max());
        node.put("avg", m.average());
        return node;
    }

    private static ObjectNode stats(CheckpointStats c) {
        ObjectNode node = RestJson.object();
        node.put("className", c.status().name().toLowerCase(Locale.ROOT));
        node.put("id", c.checkpointId());
        node.put("status", c.status().name());
        node.put("is_savepoint", c.isSavepoint());
        node.put("checkpoint_type", checkpointType(c));
        node.put("trigger_timestamp", c.triggerTimestamp());
        node.put("latest_ack_timestamp", c.latestAckTimestamp());
        node.put("checkpointed_size", c.stateSize());
        node.put("state_size", c.stateSize());
        node.put("end_to_end_duration", c.endToEndDuration());
        node.put("num_subtasks", c.numSubtasks());
        node.put("num_acknowledged_subtasks", c.numAcknowledgedSubtasks());
        if (c.status() == CheckpointStats.Status.COMPLETED) {
            node.put("external_path", c.externalPath());
        }
        if (c.status() == CheckpointStats.Status.FAILED) {
            node.put("failure_timestamp", c.failureTimestamp());
            node.put("failure_message", c.failureMessage());
        }
        return node;
    }

    /** Flink's names: a stop-with-savepoint is a synchronous savepoint. */
    private static String checkpointType(CheckpointStats c) {
        return switch (c.type()) {
            case CHECKPOINT -> "CHECKPOINT";
            case SAVEPOINT -> "SAVEPOINT";
            case SAVEPOINT_SUSPEND, SAVEPOINT_TERMINATE -> "SYNC_SAVEPOINT";
        };
    }
}
