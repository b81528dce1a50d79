package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.client.program.PackagedProgram;
import dev.brook.configuration.IllegalConfigurationException;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.serialization.JavaSerialization;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /jobs}: a job built by a client, in Flink's shape. The multipart request has a part
 * {@code request} with {@code {"jobGraphFileName", "jobJarFileNames": [...]}} and the files it
 * names: the Java-serialized {@link JobGraph} and the jars of the job's code. The jars are kept in
 * a directory of their own under the upload directory, loaded by a class loader of the job's own
 * (whose parent is Brook's), and handed to the dispatcher with the job, so TaskManagers in other
 * processes can fetch them. Answers 202 with {@code {"jobUrl": "/jobs/<id>"}} once the job is
 * accepted.
 *
 * <p>The job graph is deserialized with Java serialization, which runs code of the classes it
 * names: like Flink's, this endpoint must only be reachable by those allowed to run jobs (the
 * endpoint binds to the loopback interface unless configured otherwise).
 */
final class JobSubmitHandler {

    private final Dispatcher dispatcher;
    private final Path jobsDirectory;

    JobSubmitHandler(Dispatcher dispatcher, Path jobsDirectory) {
        this.dispatcher = dispatcher;
        this.jobsDirectory = jobsDirectory;
    }

    void register(RoutesConfig routes) {
        routes.post("/jobs", this::submit);
    }

    private void submit(Context ctx) throws IOException {
        if (!ctx.isMultipartFormData()) {
            throw RestHandlerException.badRequest(
                    "A job is submitted as multipart/form-data: a part 'request' with"
                            + " {\"jobGraphFileName\", \"jobJarFileNames\"} and the files it"
                            + " names.");
        }
        ObjectNode request = requestBody(ctx);
        String graphName = requiredText(request, "jobGraphFileName");
        List<String> jarNames = textList(request, "jobJarFileNames");
        if (!textList(request, "jobArtifactFileNames").isEmpty()) {
            throw RestHandlerException.badRequest(
                    "Job artifacts (jobArtifactFileNames) are not supported; put the job's"
                            + " classes and resources into its jars.");
        }
        Map<String, UploadedFile> files = new HashMap<>();
        for (UploadedFile file : ctx.uploadedFiles()) {
            if (file.filename() == null || file.filename().isBlank()) {
                continue; // the request part, sent as a file by some clients
            }
            String name = JarStore.baseName(file.filename());
            if (files.put(name, file) != null) {
                throw RestHandlerException.badRequest(
                        "Two uploaded files are named '" + name + "'; names must be unique.");
            }
        }
        byte[] graphBytes;
        try (InputStream in = uploaded(files, graphName).content()) {
            graphBytes = in.readAllBytes();
        }

        Path directory =
                Files.createDirectories(jobsDirectory.resolve(UUID.randomUUID().toString()));
        List<Path> jars = new ArrayList<>();
        URLClassLoader loader = null;
        try {
            List<URL> urls = new ArrayList<>();
            for (String jarName : jarNames) {
                Path jar = directory.resolve(JarStore.safeJarName(jarName));
                try (InputStream in = uploaded(files, JarStore.baseName(jarName)).content()) {
                    Files.copy(in, jar);
                }
                jars.add(jar);
                urls.add(jar.toUri().toURL());
            }
            loader =
                    new URLClassLoader(
                            PackagedProgram.USER_CODE_LOADER_NAME,
                            urls.toArray(new URL[0]),
                            JobSubmitHandler.class.getClassLoader());
            JobGraph jobGraph = readJobGraph(graphBytes, graphName, loader);
            try {
                dispatcher.submitJob(jobGraph, loader, jars).join();
            } catch (IllegalConfigurationException e) {
                throw RestHandlerException.badRequest(
                        "The job's configuration is invalid: " + e.getMessage());
            } catch (CompletionException e) {
                if (e.getCause() instanceof IllegalStateException duplicate) {
                    throw new RestHandlerException(409, duplicate.getMessage());
                }
                throw e;
            }
            ObjectNode body = RestJson.object();
            body.put("jobUrl", "/jobs/" + jobGraph.jobId());
            RestJson.send(ctx, 202, body);
        } catch (RuntimeException | IOException e) {
            if (loader != null) {
                loader.close();
            }
            RestServerEndpoint.deleteRecursively(directory);
            throw e;
        }
    }

    /** The {@code request} part: a form field, or a file part as some clients send it. */
    private static ObjectNode requestBody(Context ctx) throws IOException {
        String json = ctx.formParam("request");
        if (json == null) {
            UploadedFile part = ctx.uploadedFile("request");
            if (part == null) {
                throw RestHandlerException.badRequest(
                        "The multipart request has no part 'request' with"
                                + " {\"jobGraphFileName\", \"jobJarFileNames\"}.");
            }
            try (InputStream in = part.content()) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        JsonNode node;
        try {
            node = RestJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw RestHandlerException.badRequest(
                    "The part 'request' is not valid JSON: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw RestHandlerException.badRequest("The part 'request' must be a JSON object.");
        }
        return object;
    }

    private static String requiredText(ObjectNode request, String field) {
        String value = RestJson.text(request, field);
        if (value == null || value.isBlank()) {
            throw RestHandlerException.badRequest("The part 'request' has no '" + field + "'.");
        }
        return value;
    }

    private static List<String> textList(ObjectNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw RestHandlerException.badRequest(
                    "'" + field + "' must be an array of file names.");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw RestHandlerException.badRequest(
                        "'" + field + "' must be an array of file names, not " + node + ".");
            }
            names.add(n.asText());
        }
        return names;
    }

    private static UploadedFile uploaded(Map<String, UploadedFile> files, String name) {
        UploadedFile file = files.get(JarStore.baseName(name));
        if (file == null) {
            throw RestHandlerException.badRequest(
                    "The request names the file '"
                            + name
                            + "', but no such file was uploaded (uploaded: "
                            + files.keySet()
                            + ").");
        }
        return file;
    }

    private static JobGraph readJobGraph(byte[] bytes, String name, ClassLoader loader) {
        Object value;
        try {
            value = JavaSerialization.deserialize(bytes, loader);
        } catch (ClassNotFoundException e) {
            throw RestHandlerException.badRequest(
                    "Cannot read the job graph '"
                            + name
                            + "': class "
                            + e.getMessage()
                            + " is not on the cluster's class path nor in the job's jars"
                            + " (jobJarFileNames).");
        } catch (IOException | RuntimeException e) {
            throw RestHandlerException.badRequest("Cannot read the job graph '" + name + "': " + e);
        }
        if (!(value instanceof JobGraph jobGraph)) {
            throw RestHandlerException.badRequest(
                    "The file '"
                            + name
                            + "' holds "
                            + (value == null ? "null" : "a " + value.getClass().getName())
                            + ", not a Java-serialized "
                            + JobGraph.class.getName()
                            + ".");
        }
        return jobGraph;
    }
}
