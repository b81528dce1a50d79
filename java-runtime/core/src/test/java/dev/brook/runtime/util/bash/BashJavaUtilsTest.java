package dev.brook.runtime.util.bash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BashJavaUtilsTest {

    @TempDir Path confDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeConfig() throws IOException {
        Files.writeString(
                confDir.resolve("config.yaml"),
                String.join(
                        "\n",
                        "taskmanager:",
                        "  memory:",
                        "    process:",
                        "      size: 1728m",
                        "env:",
                        "  pid.dir: /var/run/brook",
                        "  java:",
                        "    opts: -XX:+UseG1GC",
                        ""));
    }

    private int run(String... args) {
        return BashJavaUtils.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheTaskManagersJvmFlagsOnOneLine() {
        int rc = run("GET_TM_JVM_PARAMS", "--configDir", confDir.toString());

        assertThat(rc).isZero();
        assertThat(out())
                .isEqualTo(
                        "-Xmx1207959552 -Xms1207959552 -XX:MaxDirectMemorySize=134217728"
                                + " -XX:MaxMetaspaceSize=268435456"
                                + System.lineSeparator());
        assertThat(err()).isEmpty();
    }

    @Test
    void dynamicPropertiesInBothSpellingsOverrideTheFile() {
        int rc =
                run(
                        "GET_JM_JVM_PARAMS",
                        "--configDir",
                        confDir.toString(),
                        "-D",
                        "jobmanager.memory.process.size=2g",
                        "-Djobmanager.memory.off-heap.size=64m");

        assertThat(rc).isZero();
        // 2048 - 256 metaspace - 64 off-heap - 204.8 overhead
        long heap = 2048L * (1 << 20) - 320L * (1 << 20) - (long) (2048L * (1 << 20) * 0.1);
        assertThat(out().trim())
                .isEqualTo(
                        "-Xmx"
                                + heap
                                + " -Xms"
                                + heap
                                + " -XX:MaxDirectMemorySize=67108864"
                                + " -XX:MaxMetaspaceSize=268435456");
    }

    @Test
    void printsTheEnvOptionsTheScriptsRead() {
        int rc = run("GET_ENV_OPTIONS", "-c", confDir.toString(), "-D", "env.log.max=3");

        assertThat(rc).isZero();
        assertThat(out().lines())
                .containsExactly(
                        "env.java.opts.all: -XX:+UseG1GC",
                        "env.java.opts.jobmanager: ",
                        "env.java.opts.taskmanager: ",
                        "env.log.max: 3",
                        "env.pid.dir: /var/run/brook");
    }

    @Test
    void anUnusableConfigurationExitsWithOneAndSaysWhy() {
        int rc =
                run(
                        "GET_TM_JVM_PARAMS",
                        "--configDir",
                        confDir.toString(),
                        "-Dtaskmanager.memory.process.size=512m");

        assertThat(rc).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err())
                .startsWith("Invalid configuration: taskmanager.memory.process.size is 512 MiB");
    }

    @Test
    void aWrongCommandLineExitsWithTwoAndShowsTheUsage() {
        assertThat(run("GET_TM_JVM_PARAMS")).isEqualTo(2);
        assertThat(err()).contains("Missing --configDir").contains("Usage: BashJavaUtils");

        err.reset();
        assertThat(run("GET_NOTHING", "--configDir", confDir.toString())).isEqualTo(2);
        assertThat(err()).contains("Unknown command 'GET_NOTHING'");

        err.reset();
        assertThat(run("GET_TM_JVM_PARAMS", "--configDir", confDir.toString(), "-D", "novalue"))
                .isEqualTo(2);
        assertThat(err()).contains("Expected -D key=value, got '-D novalue'");
        assertThat(out()).isEmpty();
    }
}
