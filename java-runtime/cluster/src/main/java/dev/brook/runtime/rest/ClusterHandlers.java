package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobStatus;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.WebOptions;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.resourcemanager.ResourceManager;
import dev.brook.runtime.resourcemanager.TaskManagerInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.TimeZone;

/** The cluster as a whole: {@code GET /config}, {@code /overview} and {@code /taskmanagers}. */
final class ClusterHandlers {

    private final Dispatcher dispatcher;
    private final ResourceManager resourceManager;
    private final Configuration configuration;

    ClusterHandlers(
            Dispatcher dispatcher, ResourceManager resourceManager, Configuration configuration) {
        this.dispatcher = dispatcher;
        this.resourceManager = resourceManager;
        this.configuration = configuration;
    }

    void register(RoutesConfig routes) {
        routes.get("/config", this::config);
        routes.get("/overview", this::overview);
        routes.get("/taskmanagers", this::taskManagers);
    }

    /** Brook's version from the jar manifest; absent when running from a build's classes. */
    static String version() {
        String v = ClusterHandlers.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    private void config(Context ctx) {
        TimeZone zone = TimeZone.getDefault();
        ObjectNode body = RestJson.object();
        body.put("refresh-interval", configuration.get(WebOptions.REFRESH_INTERVAL).toMillis());
        body.put("timezone-name", zone.getDisplayName());
        body.put("timezone-offset", zone.getOffset(System.currentTimeMillis()));
        body.put("flink-version", version());
        body.put("flink-revision", "unknown");
        ObjectNode features = body.putObject("features");
        features.put("web-submit", true);
        features.put("web-cancel", true);
        features.put("web-rescale", false);
        features.put("web-history", false);
        RestJson.ok(ctx, body);
    }

    private void overview(Context ctx) {
        List<TaskManagerInfo> taskManagers = resourceManager.taskManagers();
        int running = 0;
        int finished = 0;
        int cancelled = 0;
        int failed = 0;
        for (Dispatcher.JobDetails job : dispatcher.listJobs()) {
            JobStatus s = job.status();
            if (s == JobStatus.FINISHED) {
                finished++;
            } else if (s == JobStatus.CANCELED) {
                cancelled++;
            } else if (s == JobStatus.FAILED) {
                failed++;
            } else {
                running++;
            }
        }
        ObjectNode body = RestJson.object();
        body.put("taskmanagers", taskManagers.size());
        body.put(
                "slots-total",
                taskManagers.stream().mapToInt(TaskManagerInfo::numberOfSlots).sum());
        body.put(
                "slots-available",
                taskManagers.stream().mapToInt(TaskManagerInfo::freeSlots).sum());
        body.put("jobs-running", running);
        body.put("jobs-finished", finished);
        body.put("jobs-cancelled", cancelled);
        body.put("jobs-failed", failed);
        body.put("flink-version", version());
        body.put("flink-commit", "unknown");
        RestJson.ok(ctx, body);
    }

    private void taskManagers(Context ctx) {
        ObjectNode body = RestJson.object();
        ArrayNode list = body.putArray("taskmanagers");
        for (TaskManagerInfo tm : resourceManager.taskManagers()) {
            ObjectNode node = list.addObject();
            node.put("id", tm.resourceId().toString());
            node.put("path", tm.host());
            node.put("dataPort", tm.dataPort());
            node.put("jmxPort", -1);
            // Flink's name, Flink's meaning: the time of the last heartbeat (epoch ms).
            node.put("timeSinceLastHeartbeat", tm.lastHeartbeat());
            node.put("slotsNumber", tm.numberOfSlots());
            node.put("freeSlots", tm.freeSlots());
            ObjectNode hardware = node.putObject("hardware");
            hardware.put("cpuCores", tm.cpuCores());
            hardware.put("physicalMemory", tm.physicalMemory());
            hardware.put("freeMemory", -1);
            hardware.put("managedMemory", -1);
        }
        RestJson.ok(ctx, body);
    }
}
