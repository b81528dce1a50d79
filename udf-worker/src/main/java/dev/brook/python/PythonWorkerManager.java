package dev.brook.python;

import dev.brook.configuration.Configuration;
import dev.brook.util.FileUtils;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Starts and shares the Python worker processes of this JVM: one per slot and job, shared by the
 * Python operators running in that slot and stopped when the last of them closes.
 *
 * <p>A worker runs {@code <python.executable> -m brook_worker} in a working directory of its own,
 * with the worker program (extracted once per JVM from this module's jar), the job's {@code
 * python.files} and {@code python.pythonpath} and its installed {@code python.requirements} on its
 * PYTHONPATH and its {@code python.archives} extracted into the working directory (see {@link
 * PythonDependencies}), followed by {@code <brook home>/python} (the {@code pyflink} package) when
 * that exists. A job that does not set {@code python.executable} gets {@code <brook
 * home>/.venv/bin/python} when that exists (see {@link #pythonExecutable}). Brook home is the
 * distribution's root, which the launchers pass to every JVM as {@code -Dbrook.home}. Where to
 * connect and the worker's secret token reach it through the environment ({@code
 * BROOK_WORKER_ADDRESS}, {@code BROOK_WORKER_ID}, {@code BROOK_WORKER_TOKEN}), never its command
 * line, which other local users can read. The worker exits when its stdin closes, so it never
 * outlives this JVM.
 *
 * <p>Threading model: thread-safe; task threads acquire and release workers.
 */
public final class PythonWorkerManager {

    private static final PythonWorkerManager INSTANCE = new PythonWorkerManager();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RESOURCE_DIR = "brook-python-worker";

    private final Map<String, Lease> workers = new HashMap<>();
    private Path workerCode;

    private PythonWorkerManager() {}

    public static PythonWorkerManager get() {
        return INSTANCE;
    }

    /**
     * Stops the server workers connect to, with its threads, in a JVM whose jobs are all done and
     * which is about to exit (a blocked event-loop thread would delay the exit by 300 ms).
     */
    public static void stopServer() throws InterruptedException {
        PythonWorkerServer.stop();
    }

    private static final class Lease {
        final PythonWorker worker;
        int users;

        Lease(PythonWorker worker) {
            this.worker = worker;
        }
    }

    /**
     * The worker of {@code slot} (e.g. job id and subtask index), started if there is none (or the
     * last one failed). Waits until it has connected. Each call must be matched by {@link
     * #release}.
     */
    PythonWorker acquire(String slot, Configuration config)
            throws IOException, InterruptedException {
        PythonWorker worker;
        synchronized (this) {
            Lease lease = workers.get(slot);
            if (lease == null || lease.worker.isFailed()) {
                lease = new Lease(start(config));
                workers.put(slot, lease);
            }
            lease.users++;
            worker = lease.worker;
        }
        try {
            worker.awaitConnection(config.get(PythonOptions.WORKER_HEARTBEAT_TIMEOUT));
        } catch (RuntimeException | InterruptedException e) {
            release(slot, worker);
            throw e;
        }
        return worker;
    }

    /** One user of {@code worker} is done; the last one stops it. */
    void release(String slot, PythonWorker worker) {
        synchronized (this) {
            Lease lease = workers.get(slot);
            if (lease == null || lease.worker != worker) {
                // A failed worker that was replaced: its users stop it.
                worker.stop();
                return;
            }
            if (--lease.users > 0) {
                return;
            }
            workers.remove(slot);
        }
        worker.stop();
    }

    private PythonWorker start(Configuration config) throws IOException {
        PythonWorkerServer server = PythonWorkerServer.get();
        String id = "pyworker-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Duration heartbeatTimeout = config.get(PythonOptions.WORKER_HEARTBEAT_TIMEOUT);
        PythonWorker worker = new PythonWorker(id, token, heartbeatTimeout);

        // The worker's own working directory; the worker deletes it when its process exits.
        Path workDir = Files.createTempDirectory("brook-python-" + id + "-");
        try {
            return start(config, server, worker, workDir);
        } catch (IOException | RuntimeException e) {
            FileUtils.deleteDirectoryQuietly(workDir);
            throw e;
        }
    }

    private PythonWorker start(
            Configuration config, PythonWorkerServer server, PythonWorker worker, Path workDir)
            throws IOException {
        PythonDependencies.extractArchives(config, workDir);
        String python = PythonDependencies.executable(pythonExecutable(config), workDir);
        Path requirements = PythonDependencies.requirements(config, python);
        ProcessBuilder builder =
                new ProcessBuilder(python, "-m", "brook_worker").directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.put("PYTHONPATH", pythonPath(config, requirements, env.get("PYTHONPATH")));
        env.put("PYTHONUNBUFFERED", "1");
        env.put("BROOK_WORKER_ADDRESS", "127.0.0.1:" + server.address().getPort());
        env.put("BROOK_WORKER_ID", worker.id());
        env.put("BROOK_WORKER_TOKEN", worker.token());
        server.expect(worker);
        try {
            worker.start(builder);
        } catch (IOException e) {
            server.forget(worker);
            throw new IOException(
                    "Cannot start the Python worker with '"
                            + python
                            + "' (set 'python.executable' to an interpreter with grpcio, pyarrow"
                            + " and cloudpickle): "
                            + e.getMessage(),
                    e);
        }
        return worker;
    }

    private String pythonPath(Configuration config, Path requirements, String inherited)
            throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(workerCode().toString());
        config.getOptional(PythonOptions.PYTHON_FILES)
                .ifPresent(
                        files -> {
                            for (String file : files.split(",")) {
                                if (file.isBlank()) {
                                    continue;
                                }
                                Path path = Paths.get(file.trim()).toAbsolutePath();
                                // A module file is importable from its directory; archives and
                                // directories are path entries themselves.
                                entries.add(
                                        file.trim().endsWith(".py")
                                                ? path.getParent().toString()
                                                : path.toString());
                            }
                        });
        config.getOptional(PythonOptions.PYTHON_PATH).ifPresent(entries::add);
        if (requirements != null) {
            entries.add(requirements.toString());
        }
        brookHome()
                .map(home -> home.resolve("python"))
                .filter(python -> Files.isDirectory(python.resolve("pyflink")))
                .ifPresent(python -> entries.add(python.toString()));
        if (inherited != null && !inherited.isEmpty()) {
            entries.add(inherited);
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The workers' interpreter: {@code python.executable} when the job sets it, else the
     * distribution's {@code .venv/bin/python} when it exists, else the option's default ({@code
     * python3}). Clients name an interpreter for their own jobs; this fallback is for jobs that do
     * not, which on a standalone cluster would otherwise get a system {@code python3} without the
     * worker's packages (grpcio, pyarrow, cloudpickle), while {@code bin/install-prerequisites.sh}
     * installs them into the distribution's {@code .venv}.
     */
    private static String pythonExecutable(Configuration config) {
        if (config.contains(PythonOptions.PYTHON_EXECUTABLE)) {
            return config.get(PythonOptions.PYTHON_EXECUTABLE);
        }
        return brookHome()
                .map(home -> home.resolve(".venv").resolve("bin").resolve("python"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .orElse(PythonOptions.PYTHON_EXECUTABLE.defaultValue());
    }

    /**
     * The distribution's root: {@code -Dbrook.home}, set by every launcher in {@code bin/} (and by
     * the Python package when it starts a gateway JVM), else {@code $BROOK_HOME}.
     */
    private static Optional<Path> brookHome() {
        String home = System.getProperty("brook.home", System.getenv("BROOK_HOME"));
        return home == null || home.isEmpty()
                ? Optional.empty()
                : Optional.of(Paths.get(home).toAbsolutePath());
    }

    /** The directory holding the {@code brook_worker} package, extracted on first use. */
    synchronized Path workerCode() throws IOException {
        if (workerCode == null) {
            Path dir = Files.createTempDirectory("brook-python-worker-");
            extractWorkerCode(dir);
            deleteOnExit(dir);
            workerCode = dir;
        }
        return workerCode;
    }

    private static void extractWorkerCode(Path target) throws IOException {
        URL url = PythonWorkerManager.class.getResource("/" + RESOURCE_DIR + "/brook_worker");
        if (url == null) {
            throw new IOException(
                    "The Python worker program is missing from the class path (resource "
                            + RESOURCE_DIR
                            + "/brook_worker of brook-udf-worker)");
        }
        if ("jar".equals(url.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (entry.isDirectory() || !name.startsWith(RESOURCE_DIR + "/")) {
                        continue;
                    }
                    Path file = target.resolve(name.substring(RESOURCE_DIR.length() + 1));
                    Files.createDirectories(file.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return;
        }
        Path source;
        try {
            source = Paths.get(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("Cannot locate the Python worker program at " + url, e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteOnExit(Path dir) {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> FileUtils.deleteDirectoryQuietly(dir),
                                "brook-python-worker-cleanup"));
    }
}
