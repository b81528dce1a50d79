package dev.brook.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.runtime.rest.RestTestCluster.Response;
import dev.brook.runtime.rest.messages.SerializedThrowable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every read, cancel and savepoint endpoint of the REST API against real jobs on a MiniCluster,
 * checked in Flink's JSON shapes; and the client's mistakes answered with 4xx and a message.
 */
class RestServerEndpointITCase {

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

    @Test
    void bindsToTheLoopbackInterfaceOnAFreePortByDefault() {
        assertThat(rest.endpoint.getRestBaseUrl())
                .isEqualTo("http://127.0.0.1:" + rest.endpoint.getPort());
        assertThat(rest.endpoint.getPort()).isPositive();
    }

    @Test
    void describesTheClusterAndItsTaskManagers() throws Exception {
        JsonNode config = rest.get("/config").json();
        assertThat(config.path("refresh-interval").asLong()).isEqualTo(3000);
        assertThat(config.path("flink-version").asText()).isNotEmpty();
        assertThat(config.has("timezone-name")).isTrue();
        assertThat(config.path("timezone-offset").isInt()).isTrue();
        assertThat(config.path("features").path("web-submit").asBoolean()).isTrue();

        JsonNode overview = rest.get("/overview").json();
        assertThat(overview.path("taskmanagers").asInt()).isEqualTo(2);
        assertThat(overview.path("slots-total").asInt()).isEqualTo(4);
        assertThat(overview.path("slots-available").asInt()).isBetween(0, 4);
        for (String field :
                List.of("jobs-running", "jobs-finished", "jobs-cancelled", "jobs-failed")) {
            assertThat(overview.path(field).isInt()).as(field).isTrue();
        }

        JsonNode taskManagers = rest.get("/taskmanagers").json().path("taskmanagers");
        assertThat(taskManagers).hasSize(2);
        List<String> ids = new ArrayList<>();
        for (JsonNode tm : taskManagers) {
            ids.add(tm.path("id").asText());
            assertThat(tm.path("slotsNumber").asInt()).isEqualTo(2);
            assertThat(tm.path("freeSlots").asInt()).isBetween(0, 2);
            assertThat(tm.path("path").asText()).isEqualTo("localhost");
            assertThat(tm.path("timeSinceLastHeartbeat").asLong()).isPositive();
            assertThat(tm.path("hardware").path("cpuCores").asInt()).isPositive();
        }
        assertThat(ids).containsExactly("taskmanager-0", "taskmanager-1");
    }

    @Test
    void showsAFinishedJobInEveryView() throws Exception {
        JobID jobId = rest.run(RestTestCluster.boundedJob("finishing", 2_000));
        JsonNode details = rest.awaitState(jobId, JobStatus.FINISHED);

        assertThat(rest.get("/jobs").json().path("jobs"))
                .anySatisfy(
                        j -> {
                            assertThat(j.path("id").asText()).isEqualTo(jobId.toString());
                            assertThat(j.path("status").asText()).isEqualTo("FINISHED");
                        });

        JsonNode overview = find(rest.get("/jobs/overview").json().path("jobs"), jobId);
        assertThat(overview.path("name").asText()).isEqualTo("finishing");
        assertThat(overview.path("state").asText()).isEqualTo("FINISHED");
        assertThat(overview.path("end-time").asLong())
                .isGreaterThanOrEqualTo(overview.path("start-time").asLong());
        assertThat(overview.path("duration").asLong()).isNotNegative();
        assertThat(overview.path("last-modification").asLong())
                .isEqualTo(overview.path("end-time").asLong());
        JsonNode tasks = overview.path("tasks");
        assertThat(tasks.path("total").asInt()).isEqualTo(tasks.path("finished").asInt());
        assertThat(tasks.path("total").asInt()).isEqualTo(4); // two chains, parallelism 2

        assertThat(details.path("jid").asText()).isEqualTo(jobId.toString());
        assertThat(details.path("name").asText()).isEqualTo("finishing");
        assertThat(details.path("isStoppable").asBoolean()).isFalse();
        assertThat(details.path("job-type").asText()).isEqualTo("STREAMING");
        assertThat(details.path("now").asLong())
                .isGreaterThanOrEqualTo(details.path("end-time").asLong());
        assertThat(details.path("timestamps").path("CREATED").asLong()).isPositive();
        assertThat(details.path("timestamps").path("RUNNING").asLong()).isPositive();
        assertThat(details.path("timestamps").path("FINISHED").asLong())
                .isEqualTo(details.path("end-time").asLong());
        assertThat(details.path("timestamps").path("FAILED").asLong()).isZero();
        JsonNode vertices = details.path("vertices");
        assertThat(vertices).hasSize(2);
        for (JsonNode v : vertices) {
            assertThat(v.path("status").asText()).isEqualTo("FINISHED");
            assertThat(v.path("parallelism").asInt()).isEqualTo(2);
            assertThat(v.path("start-time").asLong()).isPositive();
            assertThat(v.path("end-time").asLong())
                    .isGreaterThanOrEqualTo(v.path("start-time").asLong());
            assertThat(v.path("duration").asLong())
                    .isEqualTo(v.path("end-time").asLong() - v.path("start-time").asLong());
            assertThat(v.path("tasks").path("FINISHED").asInt()).isEqualTo(2);
            assertThat(v.path("tasks").path("RUNNING").asInt()).isZero();
        }
        assertThat(details.path("status-counts").path("FINISHED").asInt()).isEqualTo(4);

        JsonNode plan = rest.get("/jobs/" + jobId + "/plan").json().path("plan");
        assertThat(plan).isEqualTo(details.path("plan"));
        assertThat(plan.path("jid").asText()).isEqualTo(jobId.toString());
        JsonNode nodes = plan.path("nodes");
        assertThat(nodes).hasSize(2);
        assertThat(nodes.get(0).has("inputs")).isFalse();
        JsonNode input = nodes.get(1).path("inputs").get(0);
        assertThat(input.path("id").asText()).isEqualTo(nodes.get(0).path("id").asText());
        assertThat(input.path("num").asInt()).isZero();
        assertThat(input.path("ship_strategy").asText()).isEqualTo("REBALANCE");
        assertThat(nodes.get(1).path("description").asText())
                .isEqualTo(vertices.get(1).path("name").asText());

        JsonNode exceptions = rest.get("/jobs/" + jobId + "/exceptions").json();
        assertThat(exceptions.path("root-exception").isNull()).isTrue();
        assertThat(exceptions.path("all-exceptions")).isEmpty();
        assertThat(exceptions.path("exceptionHistory").path("entries")).isEmpty();
        assertThat(exceptions.path("truncated").asBoolean()).isFalse();

        JsonNode result = rest.get("/jobs/" + jobId + "/execution-result").json();
        assertThat(result.path("status").path("id").asText()).isEqualTo("COMPLETED");
        JsonNode jobResult = result.path("job-execution-result");
        assertThat(jobResult.path("id").asText()).isEqualTo(jobId.toString());
        assertThat(jobResult.path("application-status").asText()).isEqualTo("SUCCEEDED");
        assertThat(jobResult.path("net-runtime").asLong()).isNotNegative();
        assertThat(jobResult.has("failure-cause")).isFalse();

        Response checkpoints = rest.get("/jobs/" + jobId + "/checkpoints");
        assertThat(checkpoints.status()).isEqualTo(404);
        assertThat(checkpoints.error())
                .isEqualTo(
                        "Checkpointing is not enabled for job "
                                + jobId
                                + " (set execution.checkpointing.interval; BATCH jobs take no"
                                + " checkpoints).");

        assertThat(rest.get("/overview").json().path("jobs-finished").asInt()).isPositive();
    }

    @Test
    void reportsTheFailureOfAFailedJob() throws Exception {
        JobID jobId = rest.run(RestTestCluster.failingJob("failing"));
        rest.awaitState(jobId, JobStatus.FAILED);

        JsonNode exceptions = rest.get("/jobs/" + jobId + "/exceptions").json();
        assertThat(exceptions.path("root-exception").asText())
                .contains(RestTestCluster.UserFailure.class.getName() + ": record 100 is cursed");
        assertThat(exceptions.path("timestamp").asLong()).isPositive();
        JsonNode entry = exceptions.path("exceptionHistory").path("entries").get(0);
        assertThat(entry.path("exceptionName").asText()).isNotEmpty();
        assertThat(entry.path("stacktrace").asText()).contains("record 100 is cursed");
        assertThat(entry.path("taskName").asText()).endsWith("(1/1)");
        assertThat(entry.path("location").asText()).isEqualTo("localhost:-1");
        assertThat(entry.path("taskManagerId").asText()).startsWith("taskmanager-");
        assertThat(exceptions.path("all-exceptions").get(0).path("task").asText())
                .isEqualTo(entry.path("taskName").asText());
        JsonNode none = rest.get("/jobs/" + jobId + "/exceptions?maxExceptions=0").json();
        assertThat(none.path("exceptionHistory").path("entries")).isEmpty();
        assertThat(none.path("truncated").asBoolean()).isTrue();

        JsonNode result =
                rest.get("/jobs/" + jobId + "/execution-result")
                        .json()
                        .path("job-execution-result");
        assertThat(result.path("application-status").asText()).isEqualTo("FAILED");
        JsonNode cause = result.path("failure-cause");
        assertThat(cause.path("stack-trace").asText()).contains("record 100 is cursed");
        Throwable failure = SerializedThrowable.fromJson(cause, getClass().getClassLoader());
        assertThat(failure.getClass().getName()).isEqualTo(cause.path("class").asText());
        assertThat(rootCause(failure)).isInstanceOf(RestTestCluster.UserFailure.class);
    }

    @Test
    void reportsCheckpointsTakesASavepointAndCancels(@TempDir Path savepoints) throws Exception {
        JobID jobId = rest.run(RestTestCluster.unboundedJob("checkpointed", true));
        rest.awaitState(jobId, JobStatus.RUNNING);
        String checkpointsPath = "/jobs/" + jobId + "/checkpoints";
        JsonNode stats =
                rest.await(checkpointsPath, j -> j.path("counts").path("completed").asInt() >= 2);
        assertThat(stats.path("counts").path("total").asInt())
                .isGreaterThanOrEqualTo(stats.path("counts").path("completed").asInt());
        assertThat(stats.path("counts").path("restored").asInt()).isZero();
        JsonNode completed = stats.path("latest").path("completed");
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("className").asText()).isEqualTo("completed");
        assertThat(completed.path("is_savepoint").asBoolean()).isFalse();
        assertThat(completed.path("checkpoint_type").asText()).isEqualTo("CHECKPOINT");
        assertThat(completed.path("num_acknowledged_subtasks").asInt())
                .isEqualTo(completed.path("num_subtasks").asInt());
        assertThat(completed.path("latest_ack_timestamp").asLong())
                .isGreaterThanOrEqualTo(completed.path("trigger_timestamp").asLong());
        assertThat(stats.path("latest").path("savepoint").isNull()).isTrue();
        assertThat(stats.path("latest").path("restored").isNull()).isTrue();
        assertThat(stats.path("summary").path("end_to_end_duration").has("avg")).isTrue();
        assertThat(stats.path("history").size()).isBetween(2, 10 + 1);
        assertThat(stats.path("history").get(0).path("id").asLong())
                .isGreaterThan(stats.path("history").get(1).path("id").asLong());

        Response trigger =
                rest.post(
                        "/jobs/" + jobId + "/savepoints",
                        "{\"target-directory\": \"" + savepoints + "\", \"cancel-job\": false}");
        assertThat(trigger.status()).isEqualTo(202);
        String requestId = trigger.json().path("request-id").asText();
        assertThat(requestId).matches("[0-9a-f]{32}");
        JsonNode done =
                rest.await(
                        "/jobs/" + jobId + "/savepoints/" + requestId,
                        j -> j.path("status").path("id").asText().equals("COMPLETED"));
        String location = done.path("operation").path("location").asText();
        assertThat(Path.of(location).getParent()).isEqualTo(savepoints);
        assertThat(Path.of(location).resolve("_metadata")).exists();
        JsonNode savepoint = rest.get(checkpointsPath).json().path("latest").path("savepoint");
        assertThat(savepoint.path("is_savepoint").asBoolean()).isTrue();
        assertThat(savepoint.path("external_path").asText()).isEqualTo(location);
        assertThat(savepoint.path("checkpoint_type").asText()).isEqualTo("SAVEPOINT");

        Response cancel = rest.patch("/jobs/" + jobId + "?mode=cancel");
        assertThat(cancel.status()).isEqualTo(202);
        rest.awaitState(jobId, JobStatus.CANCELED);
        Response again = rest.patch("/jobs/" + jobId + "?mode=cancel");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("Job " + jobId + " has already ended (CANCELED).");
        Response late = rest.post("/jobs/" + jobId + "/savepoints", "{}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.error())
                .isEqualTo(
                        "Job " + jobId + " has already ended (CANCELED); it takes no savepoints.");
        // The result of the finished savepoint operation is still there.
        assertThat(rest.get("/jobs/" + jobId + "/savepoints/" + requestId).status()).isEqualTo(200);
    }

    @Test
    void stopsAJobWithASavepoint(@TempDir Path savepoints) throws Exception {
        JobID jobId = rest.run(RestTestCluster.unboundedJob("stoppable", true));
        rest.await(
                "/jobs/" + jobId + "/checkpoints",
                j -> j.path("counts").path("completed").asInt() >= 1);
        Response stop =
                rest.post(
                        "/jobs/" + jobId + "/stop",
                        "{\"targetDirectory\": \"" + savepoints + "\", \"drain\": true}");
        assertThat(stop.status()).isEqualTo(202);
        JsonNode done =
                rest.await(
                        "/jobs/" + jobId + "/savepoints/" + stop.json().path("request-id").asText(),
                        j -> j.path("status").path("id").asText().equals("COMPLETED"));
        Path location = Path.of(done.path("operation").path("location").asText());
        assertThat(location.resolve("_metadata")).exists();
        rest.awaitState(jobId, JobStatus.FINISHED);
        JsonNode savepoint =
                rest.get("/jobs/" + jobId + "/checkpoints").json().path("latest").path("savepoint");
        assertThat(savepoint.path("checkpoint_type").asText()).isEqualTo("SYNC_SAVEPOINT");
    }

    @Test
    void cancelsAJobWithASavepoint(@TempDir Path savepoints) throws Exception {
        JobID jobId = rest.run(RestTestCluster.unboundedJob("cancel-with-savepoint", true));
        rest.await(
                "/jobs/" + jobId + "/checkpoints",
                j -> j.path("counts").path("completed").asInt() >= 1);
        Response trigger =
                rest.post(
                        "/jobs/" + jobId + "/savepoints",
                        "{\"target-directory\": \"" + savepoints + "\", \"cancel-job\": true}");
        JsonNode done =
                rest.await(
                        "/jobs/"
                                + jobId
                                + "/savepoints/"
                                + trigger.json().path("request-id").asText(),
                        j -> j.path("status").path("id").asText().equals("COMPLETED"));
        assertThat(Path.of(done.path("operation").path("location").asText()).resolve("_metadata"))
                .exists();
        rest.awaitState(jobId, JobStatus.CANCELED);
    }

    @Test
    void aSavepointThatCannotBeTakenReportsItsFailure() throws Exception {
        JobID jobId = rest.run(RestTestCluster.unboundedJob("no-checkpoints", false));
        rest.awaitState(jobId, JobStatus.RUNNING);
        Response trigger = rest.post("/jobs/" + jobId + "/savepoints", "");
        assertThat(trigger.status()).isEqualTo(202);
        JsonNode done =
                rest.await(
                        "/jobs/"
                                + jobId
                                + "/savepoints/"
                                + trigger.json().path("request-id").asText(),
                        j -> j.path("status").path("id").asText().equals("COMPLETED"));
        JsonNode cause = done.path("operation").path("failure-cause");
        assertThat(done.path("operation").has("location")).isFalse();
        assertThat(cause.path("class").asText())
                .isEqualTo("dev.brook.runtime.checkpoint.CheckpointException");
        assertThat(cause.path("stack-trace").asText())
                .contains("Savepoints need checkpointing: set execution.checkpointing.interval");
        assertThat(rest.patch("/jobs/" + jobId).status()).isEqualTo(202);
        rest.awaitState(jobId, JobStatus.CANCELED);
    }

    @Test
    void answersTheClientsMistakesWith4xxAndAMessage() throws Exception {
        JobID unknown = JobID.generate();
        for (String path :
                List.of(
                        "/jobs/" + unknown,
                        "/jobs/" + unknown + "/plan",
                        "/jobs/" + unknown + "/exceptions",
                        "/jobs/" + unknown + "/execution-result",
                        "/jobs/" + unknown + "/checkpoints",
                        "/jobs/" + unknown + "/savepoints/" + "0".repeat(32))) {
            Response r = rest.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.error()).as(path).isEqualTo("Job " + unknown + " not found");
        }
        assertThat(rest.patch("/jobs/" + unknown + "?mode=cancel").error())
                .isEqualTo("Job " + unknown + " not found");
        Response unknownSavepoint = rest.post("/jobs/" + unknown + "/savepoints", "{}");
        assertThat(unknownSavepoint.status()).isEqualTo(404);
        assertThat(unknownSavepoint.error()).isEqualTo("Job " + unknown + " not found");

        Response malformed = rest.get("/jobs/not-a-job-id");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error())
                .isEqualTo("Not a job id: 'not-a-job-id'. A job id is 32 hexadecimal digits.");
        assertThat(rest.patch("/jobs/xyz").status()).isEqualTo(400);

        JobID running = rest.run(RestTestCluster.unboundedJob("target", false));
        rest.awaitState(running, JobStatus.RUNNING);
        String savepoints = "/jobs/" + running + "/savepoints";
        Response badJson = rest.post(savepoints, "{\"target-directory\": ");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.error()).startsWith("The request body is not valid JSON: ");
        Response notAnObject = rest.post(savepoints, "[1, 2]");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.error())
                .isEqualTo("The request body must be a JSON object, not ARRAY.");
        Response wrongType = rest.post(savepoints, "{\"target-directory\": 5}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.error())
                .isEqualTo("Field 'target-directory' must be a string, not NUMBER.");
        Response wrongBool = rest.post("/jobs/" + running + "/stop", "{\"drain\": \"yes\"}");
        assertThat(wrongBool.status()).isEqualTo(400);
        assertThat(wrongBool.error())
                .isEqualTo("Field 'drain' must be true or false, not \"yes\".");

        Response badTrigger = rest.get(savepoints + "/../x");
        assertThat(badTrigger.status()).isIn(400, 404);
        Response malformedTrigger = rest.get(savepoints + "/abc");
        assertThat(malformedTrigger.status()).isEqualTo(400);
        assertThat(malformedTrigger.error())
                .isEqualTo("Not a trigger id: 'abc'. A trigger id is 32 hexadecimal digits.");
        Response unknownTrigger = rest.get(savepoints + "/" + "a".repeat(32));
        assertThat(unknownTrigger.status()).isEqualTo(404);
        assertThat(unknownTrigger.error())
                .isEqualTo(
                        "There is no savepoint operation "
                                + "a".repeat(32)
                                + " for job "
                                + running
                                + " (results are kept for rest.async.store-duration).");

        Response badMode = rest.patch("/jobs/" + running + "?mode=stop");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.error()).startsWith("Unknown mode 'stop'");
        Response badMax = rest.get("/jobs/" + running + "/exceptions?maxExceptions=-1");
        assertThat(badMax.status()).isEqualTo(400);
        assertThat(badMax.error())
                .isEqualTo("maxExceptions must be a non-negative integer, not '-1'.");

        Response noRoute = rest.get("/no/such/endpoint");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.error()).contains("/no/such/endpoint");

        assertThat(rest.patch("/jobs/" + running).status()).isEqualTo(202);
        rest.awaitState(running, JobStatus.CANCELED);
    }

    private static JsonNode find(JsonNode jobs, JobID jobId) {
        for (JsonNode j : jobs) {
            if (j.path("jid").asText().equals(jobId.toString())) {
                return j;
            }
        }
        throw new AssertionError("Job " + jobId + " not in " + jobs);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
