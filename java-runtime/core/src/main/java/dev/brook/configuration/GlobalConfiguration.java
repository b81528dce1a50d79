package dev.brook.configuration;

import dev.brook.configuration.ConfigurationFileReader.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the cluster configuration from a configuration directory: {@code config.yaml} (Flink 2
 * style; nested maps are flattened into dotted keys, so {@code rest: {port: 8081}} and {@code
 * rest.port: 8081} are the same) or Flink's legacy flat {@code flink-conf.yaml}, plus dynamic
 * properties ({@code -D key=value}), which win.
 *
 * <p>Everything is checked once, here, because a daemon that reads a key only late (or never) would
 * otherwise start with a typo unnoticed: a malformed value of a known option fails the load, naming
 * the file and line (or the {@code -D} property); an unknown key is logged as a warning with the
 * closest known key.
 */
public final class GlobalConfiguration {

    public static final String CONFIG_FILE = "config.yaml";
    public static final String LEGACY_CONFIG_FILE = "flink-conf.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(GlobalConfiguration.class);

    private GlobalConfiguration() {}

    public static Configuration loadConfiguration(String configDir) {
        return loadConfiguration(Path.of(configDir));
    }

    public static Configuration loadConfiguration(
            String configDir, Configuration dynamicProperties) {
        return loadConfiguration(Path.of(configDir), dynamicProperties);
    }

    public static Configuration loadConfiguration(Path configDir) {
        return loadConfiguration(configDir, new Configuration());
    }

    /**
     * The directory's configuration file overlaid with {@code dynamicProperties}.
     *
     * @throws IllegalConfigurationException if the directory holds neither or both configuration
     *     files, a file is malformed, or a value of a known option cannot be parsed
     */
    public static Configuration loadConfiguration(Path configDir, Configuration dynamicProperties) {
        Objects.requireNonNull(dynamicProperties, "dynamicProperties");
        List<Entry> entries = new ArrayList<>(readFile(configDir));
        for (Map.Entry<String, String> e : dynamicProperties.toMap().entrySet()) {
            entries.add(
                    new Entry(
                            e.getKey(),
                            e.getValue(),
                            "dynamic property '-D " + e.getKey() + "=" + e.getValue() + "'",
                            0));
        }
        Configuration conf = new Configuration();
        for (String warning : check(entries, ConfigOptionRegistry.get())) {
            LOG.warn(warning);
        }
        for (Entry e : entries) {
            conf.setString(e.key(), e.value());
        }
        return conf;
    }

    private static List<Entry> readFile(Path configDir) {
        if (!Files.isDirectory(configDir)) {
            throw new IllegalConfigurationException(
                    "The configuration directory '"
                            + configDir
                            + "' does not exist. Set FLINK_CONF_DIR (or --configDir) to the"
                            + " directory that holds "
                            + CONFIG_FILE
                            + ".");
        }
        Path yaml = configDir.resolve(CONFIG_FILE);
        Path legacy = configDir.resolve(LEGACY_CONFIG_FILE);
        boolean hasYaml = Files.exists(yaml);
        boolean hasLegacy = Files.exists(legacy);
        if (hasYaml && hasLegacy) {
            throw new IllegalConfigurationException(
                    "Both '"
                            + yaml
                            + "' and the legacy '"
                            + legacy
                            + "' exist, so it is unclear which one holds the configuration."
                            + " Move the settings you need into "
                            + CONFIG_FILE
                            + " and delete "
                            + LEGACY_CONFIG_FILE
                            + ".");
        }
        if (hasYaml) {
            return ConfigurationFileReader.readYaml(yaml);
        }
        if (hasLegacy) {
            return ConfigurationFileReader.readLegacy(legacy);
        }
        throw new IllegalConfigurationException(
                "The configuration directory '"
                        + configDir
                        + "' has no "
                        + CONFIG_FILE
                        + " (nor a legacy "
                        + LEGACY_CONFIG_FILE
                        + "). Copy the conf/ directory of the Brook distribution there.");
    }

    /**
     * Parses the value of every entry whose key an option reads, failing on the first malformed
     * one, and returns a warning for each unknown key.
     */
    static List<String> check(List<Entry> entries, ConfigOptionRegistry registry) {
        List<String> warnings = new ArrayList<>();
        for (Entry e : entries) {
            Optional<ConfigOption<?>> option = registry.find(e.key());
            if (option.isPresent()) {
                try {
                    option.get().parse(e.value());
                } catch (IllegalConfigurationException ex) {
                    throw new IllegalConfigurationException(
                            e.location() + ": " + ex.getMessage(), ex);
                }
            } else if (!registry.isKnown(e.key())) {
                warnings.add(
                        "Unknown configuration key '"
                                + e.key()
                                + "' ("
                                + e.location()
                                + "): Brook does not read it."
                                + registry.closestKey(e.key())
                                        .map(k -> " Did you mean '" + k + "'?")
                                        .orElse(""));
            }
        }
        return warnings;
    }
}
