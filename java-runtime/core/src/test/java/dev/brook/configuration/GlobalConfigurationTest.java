package dev.brook.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.configuration.ConfigurationFileReader.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalConfigurationTest {

    @TempDir Path dir;

    private Path write(String file, String... lines) throws IOException {
        return Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n");
    }

    @Test
    void nestedAndFlatYamlKeysAreTheSame() throws IOException {
        write(
                "config.yaml",
                "rest:",
                "  port: 9091",
                "taskmanager.numberOfTaskSlots: 4",
                "heartbeat:",
                "  timeout: 2 min",
                "env.java.opts.all: [-Xss2m, -Dx=1]",
                "jobmanager.bind-host: ~");

        Configuration conf = GlobalConfiguration.loadConfiguration(dir);

        assertThat(conf.get(RestOptions.PORT)).isEqualTo(9091);
        assertThat(conf.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(4);
        assertThat(conf.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(conf.get(CoreOptions.FLINK_JVM_OPTIONS)).isEqualTo("-Xss2m;-Dx=1");
        assertThat(conf.contains(JobManagerOptions.BIND_HOST)).isFalse();
    }

    @Test
    void readsTheLegacyFlatFileWithComments() throws IOException {
        write(
                "flink-conf.yaml",
                "# the JobManager",
                "jobmanager.rpc.address: jm-host   # where TaskManagers connect",
                "",
                "jobmanager.memory.process.size: 2g",
                "env.java.opts: -XX:+UseG1GC",
                "jobmanager.rpc.port: 1",
                "jobmanager.rpc.port: 7000");

        Configuration conf = GlobalConfiguration.loadConfiguration(dir.toString());

        assertThat(conf.get(JobManagerOptions.ADDRESS)).isEqualTo("jm-host");
        assertThat(conf.get(JobManagerOptions.TOTAL_PROCESS_MEMORY))
                .isEqualTo(MemorySize.parse("2g"));
        assertThat(conf.get(CoreOptions.FLINK_JVM_OPTIONS)).isEqualTo("-XX:+UseG1GC");
        assertThat(conf.get(JobManagerOptions.PORT)).as("the later line wins").isEqualTo(7000);
        assertThat(conf.get(RestOptions.ADDRESS))
                .as("rest.address falls back to jobmanager.rpc.address")
                .isEqualTo("jm-host");
    }

    @Test
    void dynamicPropertiesOverrideTheFile() throws IOException {
        write("config.yaml", "rest.port: 9091", "parallelism.default: 3");

        Configuration conf =
                GlobalConfiguration.loadConfiguration(
                        dir,
                        Configuration.fromMap(Map.of("rest.port", "9999", "rest.address", "h")));

        assertThat(conf.get(RestOptions.PORT)).isEqualTo(9999);
        assertThat(conf.get(RestOptions.ADDRESS)).isEqualTo("h");
        assertThat(conf.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(3);
    }

    @Test
    void malformedValueInYamlNamesFileLineAndKey() throws IOException {
        Path file =
                write(
                        "config.yaml",
                        "jobmanager:",
                        "  rpc:",
                        "    address: h",
                        "rest:",
                        "  port: eighty");

        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'" + file + "', line 5")
                .hasMessageContaining("'eighty'")
                .hasMessageContaining("rest.port")
                .hasMessageContaining("expected an integer");
    }

    @Test
    void malformedMemorySizeInLegacyFileNamesFileAndLine() throws IOException {
        Path file =
                write(
                        "flink-conf.yaml",
                        "# comment",
                        "taskmanager.numberOfTaskSlots: 2",
                        "taskmanager.memory.process.size: 2 gigs");

        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'" + file + "', line 3")
                .hasMessageContaining("taskmanager.memory.process.size")
                .hasMessageContaining("a memory size");
    }

    @Test
    void malformedDynamicPropertyIsNamed() throws IOException {
        write("config.yaml", "rest.port: 8081");

        assertThatThrownBy(
                        () ->
                                GlobalConfiguration.loadConfiguration(
                                        dir,
                                        Configuration.fromMap(
                                                Map.of("heartbeat.interval", "often"))))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("-D heartbeat.interval=often")
                .hasMessageContaining("a duration");
    }

    @Test
    void legacyLineWithoutColonAndSpaceIsReportedWithItsLine() throws IOException {
        Path file = write("flink-conf.yaml", "rest.port: 8081", "rest.address:localhost");

        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'" + file + "', line 2")
                .hasMessageContaining("'key: value'");
    }

    @Test
    void yamlSyntaxErrorNamesFileAndLine() throws IOException {
        Path file = write("config.yaml", "rest:", "  port: 8081", " address: [localhost");

        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("Malformed YAML")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void keySetTwiceInYamlIsAnError() throws IOException {
        write("config.yaml", "rest:", "  port: 8081", "rest.port: 9091");

        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'rest.port' is set twice")
                .hasMessageContaining("lines 2 and 3");
    }

    @Test
    void bothFilesAreRejectedAsAmbiguous() throws IOException {
        write("config.yaml", "rest.port: 8081");
        write("flink-conf.yaml", "rest.port: 9091");

        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("config.yaml")
                .hasMessageContaining("flink-conf.yaml")
                .hasMessageContaining("delete");
    }

    @Test
    void directoryWithoutAConfigurationFileIsAnError() {
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("has no config.yaml");
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir.resolve("missing")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void emptyYamlFileIsAnEmptyConfiguration() throws IOException {
        write("config.yaml", "# nothing set yet");

        assertThat(GlobalConfiguration.loadConfiguration(dir).keySet()).isEmpty();
    }

    @Test
    void unknownKeysAreWarnedAboutWithTheClosestKnownKey() {
        List<String> warnings =
                GlobalConfiguration.check(
                        List.of(
                                new Entry("rest.prot", "8081", "'conf/config.yaml', line 4", 4),
                                new Entry(
                                        "taskmanager.numberoftaskslots",
                                        "2",
                                        "'conf/config.yaml', line 5",
                                        5),
                                new Entry("my.own.setting", "x", "'conf/config.yaml', line 6", 6)),
                        ConfigOptionRegistry.get());

        assertThat(warnings)
                .containsExactly(
                        "Unknown configuration key 'rest.prot' ('conf/config.yaml', line 4):"
                                + " Brook does not read it. Did you mean 'rest.port'?",
                        "Unknown configuration key 'taskmanager.numberoftaskslots'"
                                + " ('conf/config.yaml', line 5): Brook does not read it. Did"
                                + " you mean 'taskmanager.numberOfTaskSlots'?",
                        "Unknown configuration key 'my.own.setting' ('conf/config.yaml', line 6):"
                                + " Brook does not read it.");
    }

    @Test
    void knownDeprecatedAndOpenKeysAreNotWarnedAbout() {
        List<String> warnings =
                GlobalConfiguration.check(
                        List.of(
                                new Entry("rest.port", "8081", "a", 1),
                                new Entry("state.backend", "rocksdb", "b", 2),
                                new Entry("env.java.opts.historyserver", "-Xss1m", "c", 3),
                                new Entry("metrics.reporter.prom.port", "9249", "d", 4)),
                        ConfigOptionRegistry.get());

        assertThat(warnings).isEmpty();
    }
}
