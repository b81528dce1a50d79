package dev.brook.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.client.program.rest.MultipartBody;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.rest.RestTestCluster.Response;
import dev.brook.runtime.rest.testprogram.NoJobProgram;
import dev.brook.runtime.rest.testprogram.SequenceProgram;
import dev.brook.runtime.rest.testprogram.TestJars;
import dev.brook.runtime.serialization.JavaSerialization;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jars uploaded, listed, run in the JobManager and deleted, and jobs submitted as files through
 * {@code POST /jobs}; names and ids from clients never reach a file outside the upload directory,
 * and every mistake is a 4xx with a message.
 */
class JarSubmissionITCase {

    @TempDir static Path uploads;
    @TempDir static Path work;

    private static RestTestCluster rest;
    private static Path programJar;

    @BeforeAll
    static void start() throws Exception {
        rest = new RestTestCluster(uploads);
        programJar = TestJars.programJar(work.resolve("program.jar"), SequenceProgram.class);
    }

    @AfterAll
    static void stop() {
        rest.close();
    }

    private static Response upload(String fileName, Path content) throws Exception {
        return rest.postMultipart(
                "/jars/upload", new MultipartBody().file("jarfile", fileName, content));
    }

    @Test
    void uploadsListsRunsAndDeletesAJar() throws Exception {
        Response uploaded = upload("../../my program.jar", programJar);
        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.json().path("status").asText()).isEqualTo("success");
        Path stored = Path.of(uploaded.json().path("filename").asText());
        String jarId = stored.getFileName().toString();
        assertThat(jarId).matches("[0-9a-f-]{36}_my_program\\.jar");
        assertThat(stored.getParent()).isEqualTo(uploads.resolve("jars").toRealPath());
        assertThat(Files.mismatch(stored, programJar)).isEqualTo(-1);

        JsonNode list = rest.get("/jars").json();
        assertThat(list.path("address").asText()).isEqualTo(rest.endpoint.getRestBaseUrl());
        JsonNode file = listed(jarId);
        assertThat(file.path("name").asText()).isEqualTo("my_program.jar");
        assertThat(file.path("uploaded").asLong()).isPositive();
        assertThat(file.path("entry").get(0).path("name").asText())
                .isEqualTo(SequenceProgram.class.getName());

        Response run =
                rest.post(
                        "/jars/" + jarId + "/run",
                        "{\"programArgsList\": [\"500\", \"from-a-jar\"], \"parallelism\": 2}");
        assertThat(run.status()).isEqualTo(200);
        JobID jobId = JobID.fromHexString(run.json().path("jobid").asText());
        JsonNode details = rest.awaitState(jobId, JobStatus.FINISHED);
        assertThat(details.path("name").asText()).isEqualTo("from-a-jar");
        assertThat(details.path("vertices").get(0).path("parallelism").asInt()).isEqualTo(2);
        assertThat(rest.cluster.getDispatcher().userJars(jobId)).containsExactly(stored);

        // Query parameters, Flink's older style, and quoted program arguments.
        Response byQuery =
                rest.post(
                        "/jars/"
                                + jarId
                                + "/run?entry-class="
                                + SequenceProgram.class.getName()
                                + "&program-args=10%20%22by%20query%22&parallelism=1",
                        "");
        assertThat(byQuery.status()).isEqualTo(200);
        JobID second = JobID.fromHexString(byQuery.json().path("jobid").asText());
        assertThat(rest.awaitState(second, JobStatus.FINISHED).path("name").asText())
                .isEqualTo("by query");

        assertThat(rest.delete("/jars/" + jarId).status()).isEqualTo(200);
        assertThat(stored).doesNotExist();
        assertThat(listed(jarId)).isNull();
    }

    /** The entry of {@code jarId} in {@code GET /jars}, or null. */
    private static JsonNode listed(String jarId) throws Exception {
        for (JsonNode file : rest.get("/jars").json().path("files")) {
            if (file.path("id").asText().equals(jarId)) {
                return file;
            }
        }
        return null;
    }

    @Test
    void rejectsBadJarsIdsAndRunSettings() throws Exception {
        Response notAJar = upload("notes.txt", programJar);
        assertThat(notAJar.status()).isEqualTo(400);
        assertThat(notAJar.error()).isEqualTo("Only .jar files can be uploaded, not 'notes.txt'.");

        Response noField =
                rest.postMultipart(
                        "/jars/upload", new MultipartBody().file("file", "a.jar", programJar));
        assertThat(noField.status()).isEqualTo(400);
        assertThat(noField.error())
                .isEqualTo(
                        "Expected a multipart/form-data request with the jar in the field 'jarfile'.");

        Response tooLarge =
                rest.postMultipart(
                        "/jars/upload",
                        new MultipartBody()
                                .file(
                                        "jarfile",
                                        "big.jar",
                                        new byte[RestTestCluster.MAX_CONTENT_LENGTH + 1]));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.error())
                .startsWith("The request has ")
                .endsWith(
                        " bytes, more than the "
                                + RestTestCluster.MAX_CONTENT_LENGTH
                                + " bytes the server accepts (rest.server.max-content-length).");
        // Without a declared length (chunked), the body is cut off at the limit while read.
        String cutOff =
                "The request is larger than the "
                        + RestTestCluster.MAX_CONTENT_LENGTH
                        + " bytes the server accepts (rest.server.max-content-length).";
        MultipartBody big =
                new MultipartBody()
                        .file(
                                "jarfile",
                                "big.jar",
                                new byte[2 * RestTestCluster.MAX_CONTENT_LENGTH]);
        Response chunkedUpload =
                rest.send(
                        HttpRequest.newBuilder(rest.baseUri.resolve("/jars/upload"))
                                .header("Content-Type", big.contentType())
                                .POST(HttpRequest.BodyPublishers.fromPublisher(big.publisher())));
        assertThat(chunkedUpload.status()).isEqualTo(413);
        assertThat(chunkedUpload.error()).isEqualTo(cutOff);
        Response chunkedJson =
                rest.send(
                        HttpRequest.newBuilder(
                                        rest.baseUri.resolve(
                                                "/jobs/" + JobID.generate() + "/savepoints"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.fromPublisher(
                                                HttpRequest.BodyPublishers.ofString(
                                                        " "
                                                                .repeat(
                                                                        2
                                                                                * RestTestCluster
                                                                                        .MAX_CONTENT_LENGTH)))));
        assertThat(chunkedJson.status()).isEqualTo(413);
        assertThat(chunkedJson.error()).isEqualTo(cutOff);

        for (String id :
                new String[] {"evil.jar", "..%5C..%5Csecret.jar", "..%2F..%2Fsecret.jar"}) {
            Response traversal = rest.post("/jars/" + id + "/run", "");
            assertThat(traversal.status()).as(id).isEqualTo(400);
            assertThat(traversal.error()).as(id).startsWith("Invalid jar id '");
            assertThat(rest.delete("/jars/" + id).status()).as(id).isEqualTo(400);
        }
        String missing = UUID.randomUUID() + "_gone.jar";
        Response deleteMissing = rest.delete("/jars/" + missing);
        assertThat(deleteMissing.status()).isEqualTo(404);
        assertThat(deleteMissing.error()).isEqualTo("Jar file " + missing + " not found.");
        assertThat(rest.post("/jars/" + missing + "/run", "").status()).isEqualTo(404);

        String jarId =
                Path.of(upload("program.jar", programJar).json().path("filename").asText())
                        .getFileName()
                        .toString();
        String run = "/jars/" + jarId + "/run";
        Response noJob =
                rest.post(run, "{\"entryClass\": \"" + NoJobProgram.class.getName() + "\"}");
        assertThat(noJob.status()).isEqualTo(400);
        assertThat(noJob.error()).startsWith("The program didn't contain a Brook job.");
        Response noClass = rest.post(run, "{\"entryClass\": \"no.such.Main\"}");
        assertThat(noClass.status()).isEqualTo(400);
        assertThat(noClass.error()).startsWith("Could not find the main class 'no.such.Main'");
        Response mainFails = rest.post(run, "{\"programArgs\": \"not-a-number\"}");
        assertThat(mainFails.status()).isEqualTo(400);
        assertThat(mainFails.error())
                .startsWith(
                        "The main method of the program failed: java.lang.NumberFormatException");
        Response badParallelism = rest.post(run, "{\"parallelism\": 0}");
        assertThat(badParallelism.status()).isEqualTo(400);
        assertThat(badParallelism.error())
                .isEqualTo("parallelism must be a positive integer, not '0'.");
        Response both = rest.post(run, "{\"programArgs\": \"1\", \"programArgsList\": [\"1\"]}");
        assertThat(both.status()).isEqualTo(400);
        Response quote = rest.post(run, "{\"programArgs\": \"'open\"}");
        assertThat(quote.status()).isEqualTo(400);
        assertThat(quote.error()).isEqualTo("Unbalanced quote ' in the program arguments: 'open");
        Response badJson = rest.post(run, "{");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.error()).startsWith("The request body is not valid JSON");
    }

    @Test
    void acceptsAJobGraphWithItsJarsAndRejectsBrokenSubmissions() throws Exception {
        JobGraph job = RestTestCluster.boundedJob("submitted", 500);
        byte[] graph = JavaSerialization.serialize(job, "job graph");
        Response accepted =
                rest.postMultipart(
                        "/jobs",
                        new MultipartBody()
                                .field(
                                        "request",
                                        "application/json",
                                        "{\"jobGraphFileName\": \"job.bin\","
                                                + " \"jobJarFileNames\": [\"lib.jar\"]}")
                                .file("file_0", "job.bin", graph)
                                .file("file_1", "lib.jar", programJar));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().path("jobUrl").asText()).isEqualTo("/jobs/" + job.jobId());
        rest.awaitState(job.jobId(), JobStatus.FINISHED);
        Path jar = rest.cluster.getDispatcher().userJars(job.jobId()).get(0);
        assertThat(jar.getFileName().toString()).isEqualTo("lib.jar");
        assertThat(jar.getParent().getParent())
                .isEqualTo(rest.endpoint.getUploadDirectory().resolve("jobs"));
        assertThat(Files.mismatch(jar, programJar)).isEqualTo(-1);

        Response again =
                rest.postMultipart(
                        "/jobs",
                        new MultipartBody()
                                .field(
                                        "request",
                                        "application/json",
                                        "{\"jobGraphFileName\": \"job.bin\"}")
                                .file("file_0", "job.bin", graph));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("Job " + job.jobId() + " was already submitted");

        Response notMultipart = rest.post("/jobs", "{}");
        assertThat(notMultipart.status()).isEqualTo(400);
        assertThat(notMultipart.error()).startsWith("A job is submitted as multipart/form-data");
        Response badRequestPart =
                rest.postMultipart(
                        "/jobs",
                        new MultipartBody()
                                .field("request", "application/json", "{oops")
                                .file("f", "job.bin", graph));
        assertThat(badRequestPart.status()).isEqualTo(400);
        assertThat(badRequestPart.error()).startsWith("The part 'request' is not valid JSON");
        Response missingFile =
                rest.postMultipart(
                        "/jobs",
                        new MultipartBody()
                                .field(
                                        "request",
                                        "application/json",
                                        "{\"jobGraphFileName\": \"other.bin\"}")
                                .file("f", "job.bin", graph));
        assertThat(missingFile.status()).isEqualTo(400);
        assertThat(missingFile.error())
                .isEqualTo(
                        "The request names the file 'other.bin', but no such file was uploaded"
                                + " (uploaded: [job.bin]).");
        Response garbage =
                rest.postMultipart(
                        "/jobs",
                        new MultipartBody()
                                .field(
                                        "request",
                                        "application/json",
                                        "{\"jobGraphFileName\": \"job.bin\"}")
                                .file("f", "job.bin", new byte[] {1, 2, 3}));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.error()).startsWith("Cannot read the job graph 'job.bin': ");
        Response notAGraph =
                rest.postMultipart(
                        "/jobs",
                        new MultipartBody()
                                .field(
                                        "request",
                                        "application/json",
                                        "{\"jobGraphFileName\": \"job.bin\"}")
                                .file(
                                        "f",
                                        "job.bin",
                                        JavaSerialization.serialize("text", "a string")));
        assertThat(notAGraph.status()).isEqualTo(400);
        assertThat(notAGraph.error())
                .isEqualTo(
                        "The file 'job.bin' holds a java.lang.String, not a Java-serialized"
                                + " dev.brook.runtime.jobgraph.JobGraph.");
        // Failed submissions leave no files behind.
        try (var dirs = Files.list(rest.endpoint.getUploadDirectory().resolve("jobs"))) {
            assertThat(dirs.count()).isEqualTo(1);
        }
    }
}
