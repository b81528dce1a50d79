package dev.brook.python;

import dev.brook.configuration.Configuration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a job's Python workers need before they start, with Flink's meanings: {@code
 * python.archives} ("{@code file.zip}" or "{@code file.zip#dir}", comma-separated) are extracted
 * into each worker's working directory, under the archive's file name or the given directory, so
 * functions open their files by relative path and {@code python.executable} may point into one
 * ({@code venv.zip/venv/bin/python}); {@code python.requirements} ("{@code requirements.txt}" or
 * "{@code requirements.txt#cache-dir}", the latter installing offline from that directory) is
 * installed with pip once per TaskManager and content into a directory that goes on the workers'
 * PYTHONPATH.
 *
 * <p>Threading model: thread-safe; installs are serialized.
 */
final class PythonDependencies {

    private static final long PIP_TIMEOUT_MINUTES = 10;

    /** Installed requirements by digest of (interpreter, file content, cache dir). */
    private static final Map<String, Path> INSTALLED = new HashMap<>();

    private PythonDependencies() {}

    /** Extracts the job's archives into {@code workDir}. */
    static void extractArchives(Configuration config, Path workDir) throws IOException {
        String archives = config.get(PythonOptions.PYTHON_ARCHIVES);
        if (archives == null) {
            return;
        }
        for (String spec : archives.split(",")) {
            if (spec.isBlank()) {
                continue;
            }
            String[] parts = spec.trim().split("#", 2);
            Path archive = Paths.get(parts[0]).toAbsolutePath();
            String name = parts.length > 1 ? parts[1] : archive.getFileName().toString();
            Path target = workDir.resolve(name).normalize();
            if (name.isBlank() || !target.startsWith(workDir) || target.equals(workDir)) {
                throw new IOException(
                        "Invalid target directory '" + name + "' of the Python archive " + spec);
            }
            if (!Files.isRegularFile(archive)) {
                throw new IOException(
                        "The Python archive " + archive + " (python.archives) does not exist");
            }
            PythonDependencyBundle.unzip(archive, target);
        }
    }

    /** {@code python} resolved against {@code workDir} when it names a file in an archive. */
    static String executable(String python, Path workDir) {
        Path path = Paths.get(python);
        if (!path.isAbsolute() && path.getNameCount() > 1 && Files.exists(workDir.resolve(path))) {
            return workDir.resolve(path).toString();
        }
        return python;
    }

    /** The directory holding the job's installed requirements, or null when it has none. */
    static Path requirements(Configuration config, String python) throws IOException {
        String spec = config.get(PythonOptions.PYTHON_REQUIREMENTS);
        if (spec == null || spec.isBlank()) {
            return null;
        }
        String[] parts = spec.trim().split("#", 2);
        Path file = Paths.get(parts[0]).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "The Python requirements file "
                            + file
                            + " (python.requirements) does not exist");
        }
        Path cache = parts.length > 1 ? Paths.get(parts[1]).toAbsolutePath() : null;
        if (cache != null && !Files.isDirectory(cache)) {
            throw new IOException(
                    "The cache directory " + cache + " of python.requirements does not exist");
        }
        String digest =
                digest(
                        python
                                + "\n"
                                + cache
                                + "\n"
                                + Files.readString(file, StandardCharsets.UTF_8));
        synchronized (INSTALLED) {
            Path installed = INSTALLED.get(digest);
            if (installed == null) {
                installed = install(python, file, cache, digest);
                INSTALLED.put(digest, installed);
            }
            return installed;
        }
    }

    private static Path install(String python, Path file, Path cache, String digest)
            throws IOException {
        Path target =
                Paths.get(
                        System.getProperty("java.io.tmpdir"),
                        "brook-python-requirements-" + digest);
        List<String> command =
                new ArrayList<>(
                        List.of(
                                python,
                                "-m",
                                "pip",
                                "install",
                                "--quiet",
                                "--disable-pip-version-check",
                                "--no-warn-script-location",
                                "--upgrade",
                                "--target",
                                target.toString(),
                                "-r",
                                file.toString()));
        if (cache != null) {
            command.addAll(List.of("--no-index", "--find-links", cache.toString()));
        }
        Process pip = new ProcessBuilder(command).redirectErrorStream(true).start();
        pip.getOutputStream().close();
        String output;
        try (InputStream in = pip.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!pip.waitFor(PIP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                pip.destroyForcibly();
                throw new IOException("Installing the Python requirements " + file + " timed out");
            }
        } catch (InterruptedException e) {
            pip.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while installing " + file, e);
        }
        if (pip.exitValue() != 0) {
            throw new IOException(
                    "Installing the Python requirements "
                            + file
                            + " (python.requirements) failed with exit code "
                            + pip.exitValue()
                            + ":\n"
                            + output.strip());
        }
        return target;
    }

    private static String digest(String text) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
