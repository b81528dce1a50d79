package dev.brook.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.runtime.rest.RestTestCluster.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics endpoints against real jobs on a MiniCluster, in Flink's paths and JSON. */
class MetricsHandlersITCase {

    @TempDir static Path uploads;

    private static RestTestCluster rest;

    @BeforeAll
    static void start() throws Exception {
        rest = new RestTestCluster(uploads);
    }

    @AfterAll
    static void stop() {
        rest.close();
    }

    /** The ids of a list answer. */
    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    /**
     * The vertex whose subtasks report {@code metricId}, once they do (a running job's subtasks
     * report nothing before they are deployed).
     */
    private static String vertexWith(JobID jobId, String metricId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            for (JsonNode v : rest.get("/jobs/" + jobId).json().path("vertices")) {
                String id = v.path("id").asText();
                JsonNode list =
                        rest.get("/jobs/" + jobId + "/vertices/" + id + "/subtasks/metrics").json();
                if (ids(list).contains(metricId)) {
                    return id;
                }
            }
            assertThat(System.nanoTime())
                    .as("a vertex of %s reporting %s within 30 s", jobId, metricId)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void servesTheMetricsOfAFinishedJob() throws Exception {
        JobID jobId = rest.run(RestTestCluster.boundedJob("metered", 2_000));
        rest.awaitState(jobId, JobStatus.FINISHED);
        String chain = vertexWith(jobId, "Map.numRecordsIn");
        String vertices = "/jobs/" + jobId + "/vertices/";

        JsonNode sum =
                rest.get(vertices + chain + "/subtasks/metrics?get=Map.numRecordsIn,numRecordsOut")
                        .json();
        assertThat(ids(sum)).containsExactly("Map.numRecordsIn", "numRecordsOut");
        for (JsonNode entry : sum) {
            assertThat(entry.path("sum").asDouble()).isEqualTo(2_000.0);
            assertThat(entry.path("min").asDouble() + entry.path("max").asDouble())
                    .isEqualTo(2_000.0);
            assertThat(entry.path("avg").asDouble()).isEqualTo(1_000.0);
        }
        JsonNode onlySum =
                rest.get(vertices + chain + "/subtasks/metrics?get=numRecordsOut&agg=sum").json();
        assertThat(onlySum.get(0).has("min")).isFalse();
        assertThat(onlySum.get(0).path("sum").asDouble()).isEqualTo(2_000.0);

        JsonNode bySubtask = rest.get(vertices + chain + "/metrics").json();
        assertThat(ids(bySubtask))
                .contains("0.numRecordsOut", "1.numRecordsOut", "1.Map.numRecordsIn");
        JsonNode values =
                rest.get(vertices + chain + "/metrics?get=0.numRecordsOut&get=1.numRecordsOut,nope")
                        .json();
        assertThat(ids(values)).containsExactly("0.numRecordsOut", "1.numRecordsOut");
        assertThat(values.get(0).path("value").asLong() + values.get(1).path("value").asLong())
                .isEqualTo(2_000);

        JsonNode subtask =
                rest.get(vertices + chain + "/subtasks/1/metrics?get=numRecordsOut").json();
        assertThat(subtask.get(0).path("value").asLong())
                .isEqualTo(values.get(1).path("value").asLong());
        JsonNode first =
                rest.get(vertices + chain + "/subtasks/metrics?get=numRecordsOut&subtasks=0")
                        .json();
        assertThat(first.get(0).path("sum").asLong())
                .isEqualTo(values.get(0).path("value").asLong());

        JsonNode job = rest.get("/jobs/" + jobId + "/metrics?get=numRestarts,uptime").json();
        assertThat(job.toString()).contains("{\"id\":\"numRestarts\",\"value\":\"0\"}");
        assertThat(ids(rest.get("/jobs/" + jobId + "/metrics").json()))
                .contains("numRestarts", "uptime");
    }

    @Test
    void servesLiveMetricsOfARunningJob() throws Exception {
        JobID jobId = rest.run(RestTestCluster.unboundedJob("live", false));
        rest.awaitState(jobId, JobStatus.RUNNING);
        String chain = vertexWith(jobId, "Map.numRecordsIn");
        String path =
                "/jobs/"
                        + jobId
                        + "/vertices/"
                        + chain
                        + "/subtasks/0/metrics?get=Map.numRecordsIn";
        long first =
                rest.await(path, j -> j.path(0).path("value").asLong() > 0)
                        .path(0)
                        .path("value")
                        .asLong();
        rest.await(path, j -> j.path(0).path("value").asLong() > first);
        rest.patch("/jobs/" + jobId);
        rest.awaitState(jobId, JobStatus.CANCELED);
    }

    @Test
    void answersMistakesWith4xx() throws Exception {
        JobID jobId = rest.run(RestTestCluster.boundedJob("mistakes", 10));
        rest.awaitState(jobId, JobStatus.FINISHED);
        String chain = vertexWith(jobId, "Map.numRecordsIn");
        String vertices = "/jobs/" + jobId + "/vertices/";

        Response unknownVertex = rest.get(vertices + "abc/metrics");
        assertThat(unknownVertex.status()).isEqualTo(404);
        assertThat(unknownVertex.error()).contains("has no vertex 'abc'");
        Response badAgg =
                rest.get(vertices + chain + "/subtasks/metrics?get=numRecordsIn&agg=median");
        assertThat(badAgg.status()).isEqualTo(400);
        assertThat(badAgg.error()).contains("Unknown aggregation 'median'");
        Response noSuchSubtask = rest.get(vertices + chain + "/subtasks/7/metrics");
        assertThat(noSuchSubtask.status()).isEqualTo(404);
        assertThat(noSuchSubtask.error()).contains("the vertex has 2 subtasks");
        Response notAnIndex = rest.get(vertices + chain + "/subtasks/x/metrics");
        assertThat(notAnIndex.status()).isEqualTo(400);
        assertThat(notAnIndex.error()).contains("'x' is not a subtask index");
        assertThat(rest.get("/jobs/" + new JobID(1, 2) + "/metrics").status()).isEqualTo(404);
    }
}
