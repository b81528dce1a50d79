package dev.brook.python;

import dev.brook.configuration.ConfigOption;
import dev.brook.configuration.ConfigOptions;
import dev.brook.configuration.Configuration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Ships a Python job's local files to a cluster, as Flink's {@code -pyfs}, {@code -pyarch} and
 * {@code -pyreq} do: the client packs {@code python.files}, {@code python.archives} and {@code
 * python.requirements} (with its cache directory) into one jar of the job ({@value #JAR_NAME}),
 * which reaches every TaskManager with the job's other jars, and points those options into it
 * ({@value #SHIPPED}{@code files/0/helpers.py}, ...). A TaskManager extracts the jar once per job,
 * next to it, and resolves the options to the extracted copies before it starts the job's workers.
 * Embedded runs read the local paths directly and ship nothing.
 *
 * <p>Threading model: thread-safe; a job's jar is extracted once.
 */
public final class PythonDependencyBundle {

    /** The file name of the bundle among the job's jars. */
    public static final String JAR_NAME = "python-dependencies.jar";

    /** The prefix of an option value that names a path inside the bundle. */
    static final String SHIPPED = "shipped:";

    /** Set by {@link #pack}: the job's Python dependencies travel in {@value #JAR_NAME}. */
    public static final ConfigOption<Boolean> SHIPPED_DEPENDENCIES =
            ConfigOptions.key("python.internal.shipped-dependencies")
                    .booleanType()
                    .defaultValue(false);

    private static final Object EXTRACTING = new Object();

    private PythonDependencyBundle() {}

    /**
     * Packs the local files the job's Python options name into {@value #JAR_NAME} in a new
     * temporary directory and points the options of {@code jobConfiguration} into it. Returns the
     * jar (the caller deletes it and its directory), or null if the job names no Python files.
     */
    public static Path pack(Configuration jobConfiguration) throws IOException {
        String files = jobConfiguration.get(PythonOptions.PYTHON_FILES);
        String archives = jobConfiguration.get(PythonOptions.PYTHON_ARCHIVES);
        String requirements = jobConfiguration.get(PythonOptions.PYTHON_REQUIREMENTS);
        if (blank(files) && blank(archives) && blank(requirements)) {
            return null;
        }
        Path jar = Files.createTempDirectory("brook-python-").resolve(JAR_NAME);
        try {
            write(jobConfiguration, files, archives, requirements, jar);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(jar);
            Files.delete(jar.getParent());
            throw e;
        }
        jobConfiguration.set(SHIPPED_DEPENDENCIES, true);
        return jar;
    }

    private static void write(
            Configuration jobConfiguration,
            String files,
            String archives,
            String requirements,
            Path jar)
            throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            if (!blank(files)) {
                List<String> shipped = new ArrayList<>();
                int i = 0;
                for (String file : entries(files)) {
                    shipped.add(add(zip, "files/" + i++, local(file, PythonOptions.PYTHON_FILES)));
                }
                jobConfiguration.set(PythonOptions.PYTHON_FILES, String.join(",", shipped));
            }
            if (!blank(archives)) {
                List<String> shipped = new ArrayList<>();
                int i = 0;
                for (String spec : entries(archives)) {
                    String[] parts = spec.split("#", 2);
                    Path archive = local(parts[0], PythonOptions.PYTHON_ARCHIVES);
                    String entry = add(zip, "archives/" + i++, archive);
                    shipped.add(
                            parts.length > 1
                                    ? entry + "#" + parts[1]
                                    : entry + "#" + archive.getFileName());
                }
                jobConfiguration.set(PythonOptions.PYTHON_ARCHIVES, String.join(",", shipped));
            }
            if (!blank(requirements)) {
                String[] parts = requirements.trim().split("#", 2);
                String shipped =
                        add(
                                zip,
                                "requirements",
                                local(parts[0], PythonOptions.PYTHON_REQUIREMENTS));
                if (parts.length > 1) {
                    shipped +=
                            "#"
                                    + add(
                                            zip,
                                            "requirements-cache",
                                            local(parts[1], PythonOptions.PYTHON_REQUIREMENTS));
                }
                jobConfiguration.set(PythonOptions.PYTHON_REQUIREMENTS, shipped);
            }
        }
    }

    /**
     * {@code jobConfiguration} with its Python options pointing at the extracted copies of the
     * shipped files, if the job shipped any (the bundle is one of the jars of {@code
     * userCodeClassLoader}); else {@code jobConfiguration} itself.
     */
    public static Configuration localize(
            Configuration jobConfiguration, ClassLoader userCodeClassLoader) {
        if (!jobConfiguration.get(SHIPPED_DEPENDENCIES)) {
            return jobConfiguration;
        }
        Path jar = findJar(userCodeClassLoader);
        Path root = jar.resolveSibling("python-dependencies");
        extractOnce(jar, root);
        Configuration local = new Configuration(jobConfiguration);
        for (ConfigOption<String> option :
                List.of(
                        PythonOptions.PYTHON_FILES,
                        PythonOptions.PYTHON_ARCHIVES,
                        PythonOptions.PYTHON_REQUIREMENTS)) {
            String value = local.get(option);
            if (value != null) {
                local.set(option, value.replace(SHIPPED, root + "/"));
            }
        }
        return local;
    }

    private static Path findJar(ClassLoader loader) {
        if (loader instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                try {
                    Path path = Paths.get(url.toURI());
                    if (path.getFileName().toString().equals(JAR_NAME)) {
                        return path;
                    }
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a local file: not the bundle
                }
            }
        }
        throw new IllegalStateException(
                "The job's Python files (python.files, python.archives, python.requirements) were"
                        + " shipped in "
                        + JAR_NAME
                        + ", but that jar is not among the job's jars on this TaskManager");
    }

    private static void extractOnce(Path jar, Path root) {
        synchronized (EXTRACTING) {
            Path done = root.resolve(".complete");
            if (Files.exists(done)) {
                return;
            }
            try {
                unzip(jar, root);
                Files.createFile(done);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not extract the job's Python files from " + jar, e);
            }
        }
    }

    /**
     * Extracts the zip file {@code archive} into {@code target}, refusing entries that would land
     * outside it; files in a {@code bin} directory stay executable (interpreters and scripts of an
     * archived environment).
     */
    public static void unzip(Path archive, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException(
                            "The Python archive "
                                    + archive
                                    + " has an entry outside its directory: "
                                    + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
                if (file.getParent().getFileName().toString().equals("bin")) {
                    file.toFile().setExecutable(true);
                }
            }
        }
    }

    /** Adds {@code path} (a file, or a directory with everything in it) under {@code prefix}. */
    private static String add(ZipOutputStream zip, String prefix, Path path) throws IOException {
        String name = prefix + "/" + path.getFileName();
        if (Files.isDirectory(path)) {
            try (Stream<Path> tree = Files.walk(path)) {
                for (Path file : (Iterable<Path>) tree::iterator) {
                    if (Files.isRegularFile(file)) {
                        copy(
                                zip,
                                name + "/" + path.relativize(file).toString().replace('\\', '/'),
                                file);
                    }
                }
            }
        } else {
            copy(zip, name, path);
        }
        return SHIPPED + name;
    }

    private static void copy(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo((OutputStream) zip);
        }
        zip.closeEntry();
    }

    private static Path local(String path, ConfigOption<String> option) {
        Path local = Paths.get(path.trim()).toAbsolutePath().normalize();
        if (!Files.exists(local)) {
            throw new IllegalArgumentException(
                    "The path '" + path.trim() + "' of " + option.key() + " does not exist");
        }
        return local;
    }

    private static List<String> entries(String value) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
