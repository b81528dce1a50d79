package dev.brook.configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Key/value configuration, stored as strings and read through typed {@link ConfigOption}s. Values
 * are parsed when read, so a malformed value fails with the key's name and the expected type.
 */
public class Configuration implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> values = new TreeMap<>();

    public Configuration() {}

    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    public static Configuration fromMap(Map<String, String> map) {
        Configuration c = new Configuration();
        c.values.putAll(map);
        return c;
    }

    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElse(option.defaultValue());
    }

    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        String raw = values.get(option.key());
        if (raw == null) {
            for (String fallback : option.fallbackKeys()) {
                raw = values.get(fallback);
                if (raw != null) {
                    break;
                }
            }
        }
        return raw == null ? Optional.empty() : Optional.of(option.parse(raw));
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        values.put(option.key(), toRaw(value));
        return this;
    }

    public boolean contains(ConfigOption<?> option) {
        if (values.containsKey(option.key())) {
            return true;
        }
        return option.fallbackKeys().stream().anyMatch(values::containsKey);
    }

    public void setString(String key, String value) {
        values.put(key, value);
    }

    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public void removeKey(String key) {
        values.remove(key);
    }

    public Set<String> keySet() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }

    public void addAll(Configuration other) {
        values.putAll(other.values);
    }

    private static String toRaw(Object value) {
        if (value instanceof Duration d) {
            return d.toMillis() + " ms";
        }
        if (value instanceof MemorySize m) {
            return m.getBytes() + "b";
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
