package dev.brook.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs the built distribution's launchers as separate processes, as a user would. */
final class BrookDistribution {

    /** What a finished command left behind. */
    record Result(int exitCode, String stdout, String stderr) {}

    static Path home() {
        return Path.of(System.getProperty("brook.home", "..")).toAbsolutePath().normalize();
    }

    /** Runs {@code bin/<command> args...}; fails if it does not end within the timeout. */
    static Result run(Path workDir, long timeoutSeconds, String command, String... args)
            throws IOException, InterruptedException {
        return run(workDir, java.util.Map.of(), timeoutSeconds, command, args);
    }

    /** As {@link #run(Path, long, String, String...)}, with extra environment variables. */
    static Result run(
            Path workDir,
            java.util.Map<String, String> environment,
            long timeoutSeconds,
            String command,
            String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(home().resolve("bin").resolve(command).toString());
        cmd.addAll(List.of(args));
        return exec(workDir, environment, timeoutSeconds, cmd);
    }

    /**
     * Runs any command (e.g. {@code bin/...} wrapped in {@code ip netns exec}); fails if it does
     * not end within the timeout.
     */
    static Result exec(
            Path workDir,
            java.util.Map<String, String> environment,
            long timeoutSeconds,
            List<String> cmd)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("brook-out", ".txt");
        Path err = Files.createTempFile("brook-err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(cmd)
                        .directory(workDir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(
                    "'"
                            + String.join(" ", cmd)
                            + "' did not finish within "
                            + timeoutSeconds
                            + " s. Output so far:\n"
                            + Files.readString(out)
                            + Files.readString(err));
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /**
     * Starts {@code bin/<command> args...} in the background, its output discarded; the caller ends
     * it (see {@link #killTree}).
     */
    static Process start(Path workDir, String command, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(home().resolve("bin").resolve(command).toString());
        cmd.addAll(args);
        return new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Kills a process and everything it started at once (SIGKILL), as a crash would. */
    static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle p : all) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : all) {
            p.onExit().join();
        }
    }

    /** Packages the compiled test classes under {@code packagePath} into a job jar. */
    static File jobJar(Path target, String packagePath, String mainClass) throws IOException {
        Path classes =
                Path.of(
                        BrookDistribution.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .getPath());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        File jar = target.toFile();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest);
                Stream<Path> files = Files.walk(classes.resolve(packagePath))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(
                        new JarEntry(
                                classes.relativize(f).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private BrookDistribution() {}

    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

    /** The job id {@code flink run} printed in {@code output}; fails the test if there is none. */
    static String jobIdIn(String output) {
        Matcher m = JOB_ID.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    /** Every line of every visible file under {@code dir}, sorted: a job's file output. */
    static List<String> outputLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f :
                    files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        return lines.stream().sorted().toList();
    }
}
