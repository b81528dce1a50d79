package dev.brook.configuration;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a configuration file into flat key/value entries that remember where they were written, so
 * that a bad value or an unknown key can be reported with its file and line.
 *
 * <p>{@code config.yaml} is read as YAML nodes rather than Java objects: nodes keep their line
 * numbers, and scalars keep the text the user wrote ({@code 0x10} stays {@code 0x10}, as it would
 * in a flat file). Nested maps become dotted keys; lists become their elements joined by {@code ;},
 * Flink's list syntax.
 */
final class ConfigurationFileReader {

    /**
     * One key's value and where it was set: {@code location} names the file and line, e.g. {@code
     * '/opt/brook/conf/config.yaml', line 7}; {@code line} is that line (1-based).
     */
    record Entry(String key, String value, String location, int line) {}

    private ConfigurationFileReader() {}

    static List<Entry> readYaml(Path file) {
        Optional<Node> root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // The core schema, like Flink's YAML parser, reads '~' as null.
            LoadSettings settings =
                    LoadSettings.builder()
                            .setLabel(file.toString())
                            .setSchema(new CoreSchema())
                            .build();
            root = new Compose(settings).composeReader(reader);
        } catch (MarkedYamlEngineException e) {
            throw new IllegalConfigurationException(
                    "Malformed YAML in configuration file '"
                            + file
                            + "': "
                            + e.getMessage().trim()
                            + "\nCheck the YAML syntax at that line: indentation, and ': ' after every key.");
        } catch (YamlEngineException | IOException e) {
            throw new IllegalConfigurationException(
                    "Cannot read configuration file '" + file + "': " + e.getMessage(), e);
        }
        if (root.isEmpty()) {
            return List.of();
        }
        if (!(root.get() instanceof MappingNode map)) {
            throw new IllegalConfigurationException(
                    "Configuration file '"
                            + file
                            + "' must contain a map of keys to values, e.g. 'rest.port: 8081'.");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        flatten("", map, file, entries);
        return new ArrayList<>(entries.values());
    }

    private static void flatten(
            String prefix, MappingNode map, Path file, Map<String, Entry> entries) {
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new IllegalConfigurationException(
                        at(file, tuple.getKeyNode()) + ": a key must be plain text.");
            }
            String key = prefix + keyNode.getValue();
            Node value = tuple.getValueNode();
            if (value instanceof MappingNode nested) {
                flatten(key + ".", nested, file, entries);
                continue;
            }
            String text = scalarText(key, value, file);
            if (text == null) {
                continue;
            }
            int line = line(keyNode);
            Entry previous = entries.put(key, new Entry(key, text, at(file, keyNode), line));
            if (previous != null) {
                throw new IllegalConfigurationException(
                        "Key '"
                                + key
                                + "' is set twice in '"
                                + file
                                + "' (lines "
                                + previous.line()
                                + " and "
                                + line
                                + "); remove one of them.");
            }
        }
    }

    /** The value as text, or null for a YAML null ({@code key:} or {@code key: ~}). */
    private static String scalarText(String key, Node value, Path file) {
        if (value instanceof ScalarNode scalar) {
            return scalar.getTag().equals(Tag.NULL) ? null : scalar.getValue();
        }
        if (value instanceof SequenceNode list) {
            List<String> items = new ArrayList<>();
            for (Node item : list.getValue()) {
                if (!(item instanceof ScalarNode scalar)) {
                    throw new IllegalConfigurationException(
                            at(file, item)
                                    + ": the list of '"
                                    + key
                                    + "' may only contain plain values.");
                }
                items.add(scalar.getValue());
            }
            return String.join(";", items);
        }
        throw new IllegalConfigurationException(
                at(file, value) + ": unsupported value for '" + key + "'.");
    }

    private static String at(Path file, Node node) {
        return "'" + file + "', line " + line(node);
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /**
     * Reads Flink's legacy {@code flink-conf.yaml}: one {@code key: value} per line, the first
     * {@code ": "} separating them, {@code #} starting a comment. A later line overrides an earlier
     * one for the same key, as in Flink.
     */
    static List<Entry> readLegacy(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalConfigurationException(
                    "Cannot read configuration file '" + file + "': " + e.getMessage(), e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
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
            String location = "'" + file + "', line " + (i + 1);
            int colon = line.indexOf(": ");
            String key = colon < 0 ? "" : line.substring(0, colon).trim();
            String value = colon < 0 ? "" : line.substring(colon + 2).trim();
            if (key.isEmpty() || value.isEmpty()) {
                throw new IllegalConfigurationException(
                        location
                                + ": expected 'key: value' (a colon and a space between them),"
                                + " got '"
                                + line
                                + "'.");
            }
            entries.remove(key);
            entries.put(key, new Entry(key, value, location, i + 1));
        }
        return new ArrayList<>(entries.values());
    }
}
