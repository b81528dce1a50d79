package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobID;
import dev.brook.client.deployment.application.ApplicationRunner;
import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.ProgramInvocationException;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.CoreOptions;
import dev.brook.configuration.StateRecoveryOptions;
import dev.brook.runtime.dispatcher.Dispatcher;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Jars uploaded to the cluster and run in the JobManager, as in Flink's web submission: {@code POST
 * /jars/upload} (multipart field {@code jarfile}), {@code GET /jars}, {@code POST /jars/:jarid/run}
 * and {@code DELETE /jars/:jarid}. A run executes the program's {@code main} here with {@link
 * ApplicationRunner}; its job is submitted detached and the answer carries its id.
 */
final class JarHandlers {

    private final Dispatcher dispatcher;
    private final Configuration configuration;
    private final JarStore jars;
    private final Supplier<String> restAddress;

    JarHandlers(
            Dispatcher dispatcher,
            Configuration configuration,
            JarStore jars,
            Supplier<String> restAddress) {
        this.dispatcher = dispatcher;
        this.configuration = configuration;
        this.jars = jars;
        this.restAddress = restAddress;
    }

    void register(RoutesConfig routes) {
        routes.post("/jars/upload", this::upload);
        routes.get("/jars", this::list);
        routes.post("/jars/{jarid}/run", this::run);
        routes.delete("/jars/{jarid}", this::delete);
    }

    private void upload(Context ctx) throws IOException {
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("jarfile") : null;
        if (file == null) {
            throw RestHandlerException.badRequest(
                    "Expected a multipart/form-data request with the jar in the field 'jarfile'.");
        }
        Path stored;
        try (InputStream content = file.content()) {
            stored = jars.store(file.filename(), content);
        }
        ObjectNode body = RestJson.object();
        body.put("filename", stored.toString());
        body.put("status", "success");
        RestJson.ok(ctx, body);
    }

    private void list(Context ctx) throws IOException {
        ObjectNode body = RestJson.object();
        body.put("address", restAddress.get());
        ArrayNode files = body.putArray("files");
        for (Path jar : jars.list()) {
            ObjectNode node = files.addObject();
            node.put("id", jar.getFileName().toString());
            node.put("name", JarStore.uploadedName(jar));
            node.put("uploaded", JarStore.lastModified(jar));
            ArrayNode entry = node.putArray("entry");
            String entryClass = entryClass(jar);
            if (entryClass != null) {
                entry.addObject().put("name", entryClass).putNull("description");
            }
        }
        RestJson.ok(ctx, body);
    }

    private static String entryClass(Path jar) {
        try {
            return PackagedProgram.entryClassInManifest(jar.toFile());
        } catch (IOException notAJar) {
            return null;
        }
    }

    private void delete(Context ctx) throws IOException {
        jars.delete(ctx.pathParam("jarid"));
        RestJson.ok(ctx, RestJson.object());
    }

    /**
     * Runs the jar's program. Settings come from the JSON body ({@code entryClass}, {@code
     * programArgs} or {@code programArgsList}, {@code parallelism}, {@code savepointPath}, {@code
     * allowNonRestoredState}, {@code flinkConfiguration}) or, for each one missing there, from
     * Flink's query parameters ({@code entry-class}, {@code program-args}, {@code parallelism},
     * {@code savepointPath}, {@code allowNonRestoredState}).
     */
    private void run(Context ctx) {
        Path jar = jars.resolve(ctx.pathParam("jarid"));
        ObjectNode body = RestJson.bodyObject(ctx);
        if (body.hasNonNull("jobId")) {
            throw RestHandlerException.badRequest(
                    "Setting the job id (jobId) is not supported; Brook chooses it.");
        }
        String entryClass = setting(ctx, body, "entryClass", "entry-class");
        List<String> args = programArgs(ctx, body);
        Configuration conf = new Configuration(configuration);
        JsonNode extra = body.get("flinkConfiguration");
        if (extra != null && !extra.isNull()) {
            if (!extra.isObject()) {
                throw RestHandlerException.badRequest(
                        "flinkConfiguration must be an object of option keys to values.");
            }
            for (Map.Entry<String, JsonNode> e : extra.properties()) {
                conf.setString(e.getKey(), e.getValue().asText());
            }
        }
        String parallelism = setting(ctx, body, "parallelism", "parallelism");
        if (parallelism != null) {
            conf.set(CoreOptions.DEFAULT_PARALLELISM, positiveInt("parallelism", parallelism));
        }
        String savepointPath = setting(ctx, body, "savepointPath", "savepointPath");
        if (savepointPath != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepointPath);
        }
        String allowNonRestored =
                setting(ctx, body, "allowNonRestoredState", "allowNonRestoredState");
        if (allowNonRestored != null) {
            conf.set(
                    StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE,
                    bool("allowNonRestoredState", allowNonRestored));
        }
        List<JobID> jobs;
        try {
            PackagedProgram program = PackagedProgram.load(jar.toFile(), entryClass, args);
            jobs = ApplicationRunner.run(dispatcher, program, conf);
        } catch (ProgramInvocationException e) {
            throw new RestHandlerException(400, e.getMessage(), e);
        }
        ObjectNode response = RestJson.object();
        response.put("jobid", jobs.get(0).toString());
        RestJson.ok(ctx, response);
    }

    /** A setting from the body (any JSON scalar, as text), else from the query; null if neither. */
    private static String setting(Context ctx, ObjectNode body, String field, String queryParam) {
        JsonNode node = body.get(field);
        if (node != null && !node.isNull()) {
            if (!node.isValueNode()) {
                throw RestHandlerException.badRequest(
                        "Field '" + field + "' must be a single value, not " + node + ".");
            }
            return node.asText();
        }
        return ctx.queryParam(queryParam);
    }

    private static List<String> programArgs(Context ctx, ObjectNode body) {
        JsonNode list = body.get("programArgsList");
        String text = setting(ctx, body, "programArgs", "program-args");
        if (list != null && !list.isNull()) {
            if (text != null) {
                throw RestHandlerException.badRequest(
                        "Give the program's arguments either as programArgs or as"
                                + " programArgsList, not both.");
            }
            if (!list.isArray()) {
                throw RestHandlerException.badRequest(
                        "programArgsList must be an array of strings.");
            }
            List<String> args = new ArrayList<>();
            list.forEach(a -> args.add(a.asText()));
            return args;
        }
        return text == null ? List.of() : tokenize(text);
    }

    /** Splits on white space; single or double quotes keep white space inside one argument. */
    static List<String> tokenize(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw RestHandlerException.badRequest(
                    "Unbalanced quote " + quote + " in the program arguments: " + text);
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }

    private static int positiveInt(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RestHandlerException.badRequest(
                name + " must be a positive integer, not '" + value + "'.");
    }

    private static boolean bool(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw RestHandlerException.badRequest(
                name + " must be true or false, not '" + value + "'.");
    }
}
