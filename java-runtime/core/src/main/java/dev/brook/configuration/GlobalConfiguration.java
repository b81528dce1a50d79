package dev.brook.configuration;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Loads the cluster configuration from a configuration directory: {@code config.yaml} (Flink 2
 * style; nested maps are flattened into dotted keys, so {@code rest: {port: 8081}} and {@code
 * rest.port: 8081} are the same) or, if that is absent, the legacy flat {@code flink-conf.yaml}.
 */
public final class GlobalConfiguration {

    public static final String CONFIG_FILE = "config.yaml";
    public static final String LEGACY_CONFIG_FILE = "flink-conf.yaml";

    private GlobalConfiguration() {}

    /** Loads the directory's configuration; an empty configuration if it has neither file. */
    public static Configuration loadConfiguration(Path configDir) {
        Path yaml = configDir.resolve(CONFIG_FILE);
        Path legacy = configDir.resolve(LEGACY_CONFIG_FILE);
        if (Files.exists(yaml)) {
            return loadYaml(yaml);
        }
        if (Files.exists(legacy)) {
            return loadLegacy(legacy);
        }
        return new Configuration();
    }

    static Configuration loadYaml(Path file) {
        Configuration conf = new Configuration();
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Load(LoadSettings.builder().build()).loadFromReader(reader);
        } catch (MarkedYamlEngineException e) {
            throw new IllegalConfigurationException(
                    "Malformed configuration file '" + file + "': " + e.getMessage().trim());
        } catch (YamlEngineException | IOException e) {
            throw new IllegalConfigurationException(
                    "Cannot read configuration file '" + file + "': " + e.getMessage(), e);
        }
        if (root == null) {
            return conf;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalConfigurationException(
                    "Configuration file '" + file + "' must contain a map of keys to values.");
        }
        flatten("", map, conf, file);
        return conf;
    }

    private static void flatten(String prefix, Map<?, ?> map, Configuration conf, Path file) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object value = e.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, conf, file);
            } else if (value instanceof List<?> list) {
                StringBuilder sb = new StringBuilder();
                for (Object item : list) {
                    if (sb.length() > 0) {
                        sb.append(';');
                    }
                    sb.append(item);
                }
                conf.setString(key, sb.toString());
            } else if (value != null) {
                conf.setString(key, String.valueOf(value));
            }
        }
    }

    static Configuration loadLegacy(Path file) {
        Configuration conf = new Configuration();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalConfigurationException(
                    "Cannot read configuration file '" + file + "': " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.trim();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                throw new IllegalConfigurationException(
                        "Malformed line "
                                + (i + 1)
                                + " in '"
                                + file
                                + "': expected 'key: value', got '"
                                + line
                                + "'.");
            }
            conf.setString(line.substring(0, colon).trim(), line.substring(colon + 2).trim());
        }
        return conf;
    }
}
