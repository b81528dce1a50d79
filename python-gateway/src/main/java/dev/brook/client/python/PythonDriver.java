package dev.brook.client.python;

import dev.brook.configuration.Configuration;
import dev.brook.python.PythonOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code flink run -py job.py} does: starts a {@link PythonGatewayServer} in this JVM, runs
 * the Python program as a child process that connects back to it (port and secret in its
 * environment), and waits for the program to end. The program's {@code execute()} calls reach the
 * facade here and run wherever this JVM's context environment says (the CLI's embedded MiniCluster
 * or its {@code -m} cluster).
 */
public final class PythonDriver {

    /** The program and Flink's {@code -py*} options. */
    public record Program(
            String script,
            String module,
            List<String> arguments,
            List<String> pyFiles,
            String pythonPath) {}

    private PythonDriver() {}

    /**
     * Runs {@code program} to its end; returns its exit code. {@code configuration} holds the
     * {@code python.*} options (already including the CLI's {@code -pyexec}, {@code -pyfs}...).
     */
    public static int run(Program program, Configuration configuration, Path brookHome)
            throws Exception {
        if (program.script() != null && !Files.isRegularFile(Path.of(program.script()))) {
            throw new IllegalArgumentException(
                    "The Python program " + program.script() + " does not exist.");
        }
        Configuration conf = new Configuration(configuration);
        String defaultPython = defaultInterpreter(brookHome);
        if (!conf.contains(PythonOptions.PYTHON_EXECUTABLE)) {
            conf.set(PythonOptions.PYTHON_EXECUTABLE, defaultPython);
        }
        String client =
                conf.getOptional(PythonOptions.PYTHON_CLIENT_EXECUTABLE)
                        .orElse(
                                System.getenv()
                                        .getOrDefault("PYFLINK_CLIENT_EXECUTABLE", defaultPython));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        try (PythonGatewayServer gateway = PythonGatewayServer.start(secret, conf)) {
            List<String> command = new ArrayList<>();
            command.add(client);
            command.add("-u");
            if (program.module() != null) {
                command.add("-m");
                command.add(program.module());
            } else {
                command.add(program.script());
            }
            command.addAll(program.arguments());
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            Map<String, String> env = builder.environment();
            env.put("PYFLINK_GATEWAY_PORT", Integer.toString(gateway.getPort()));
            env.put("PYFLINK_GATEWAY_SECRET", secret);
            env.put("FLINK_HOME", brookHome.toString());
            env.put("PYTHONPATH", pythonPath(program, brookHome, env.get("PYTHONPATH")));
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "Cannot start the Python interpreter '"
                                + client
                                + "' (set python.client.executable or -pyclientexec): "
                                + e.getMessage(),
                        e);
            }
            try {
                return process.waitFor();
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Brook's own virtualenv when it exists (bin/install-prerequisites.sh makes it), else python3.
     */
    public static String defaultInterpreter(Path brookHome) {
        Path venv = brookHome.resolve(".venv/bin/python");
        return Files.isExecutable(venv) ? venv.toString() : "python3";
    }

    private static String pythonPath(Program program, Path brookHome, String inherited) {
        Set<String> entries = new LinkedHashSet<>();
        if (program.script() != null) {
            entries.add(Path.of(program.script()).toAbsolutePath().getParent().toString());
        }
        for (String file : program.pyFiles()) {
            Path p = Path.of(file).toAbsolutePath();
            entries.add(
                    Files.isDirectory(p) || file.endsWith(".zip")
                            ? p.toString()
                            : p.getParent().toString());
        }
        if (program.pythonPath() != null) {
            for (String p : program.pythonPath().split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    entries.add(p);
                }
            }
        }
        entries.add(brookHome.resolve("python").toString());
        if (inherited != null && !inherited.isBlank()) {
            entries.add(inherited);
        }
        return String.join(File.pathSeparator, entries);
    }
}
