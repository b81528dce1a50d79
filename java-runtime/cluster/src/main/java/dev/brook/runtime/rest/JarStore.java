package dev.brook.runtime.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The uploaded jars, one file each in one directory, named {@code <uuid>_<name>.jar}; that file
 * name is the jar's id. Names from clients are reduced to a safe file name before use, and ids from
 * clients are checked against the exact id pattern before any file is touched, so no request can
 * reach a file outside the directory.
 */
final class JarStore {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+\\.jar");
    private static final Pattern JAR_ID =
            Pattern.compile(
                    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_[A-Za-z0-9._-]+\\.jar");

    private final Path directory;

    JarStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory).toRealPath();
    }

    /**
     * A client's file name as a safe one: without any directory part, every character outside
     * {@code [A-Za-z0-9._-]} replaced by '_'; it must end in {@code .jar}.
     */
    static String safeJarName(String submitted) {
        String name = baseName(submitted);
        if (name.isEmpty() || !name.endsWith(".jar") || name.equals(".jar")) {
            throw RestHandlerException.badRequest(
                    "Only .jar files can be uploaded, not '" + submitted + "'.");
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (!SAFE_NAME.matcher(safe).matches()) {
            throw RestHandlerException.badRequest("Not a usable jar name: '" + submitted + "'.");
        }
        return safe;
    }

    /** The part of a client's file name after its last '/' or '\'. */
    static String baseName(String submitted) {
        String name = submitted == null ? "" : submitted.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    /** Stores an upload under a new id; returns the stored file. */
    Path store(String submittedName, InputStream content) throws IOException {
        Path target = directory.resolve(UUID.randomUUID() + "_" + safeJarName(submittedName));
        Files.copy(content, target);
        return target;
    }

    /** The jar with id {@code jarId}: 400 for a malformed id, 404 if there is none. */
    Path resolve(String jarId) {
        if (jarId == null || !JAR_ID.matcher(jarId).matches()) {
            throw RestHandlerException.badRequest(
                    "Invalid jar id '"
                            + jarId
                            + "': a jar id is the name GET /jars lists (<uuid>_<name>.jar).");
        }
        Path jar = directory.resolve(jarId);
        if (!jar.getParent().equals(directory) || !Files.isRegularFile(jar)) {
            throw RestHandlerException.notFound("Jar file " + jarId + " not found.");
        }
        return jar;
    }

    /** The stored jars, newest first. */
    List<Path> list() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(p -> JAR_ID.matcher(p.getFileName().toString()).matches())
                    .forEach(jars::add);
        }
        jars.sort((a, b) -> Long.compare(lastModified(b), lastModified(a)));
        return jars;
    }

    static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The name a jar was uploaded with (its id without the uuid). */
    static String uploadedName(Path jar) {
        String id = jar.getFileName().toString();
        return id.substring(id.indexOf('_') + 1);
    }

    void delete(String jarId) throws IOException {
        Files.delete(resolve(jarId));
    }
}
