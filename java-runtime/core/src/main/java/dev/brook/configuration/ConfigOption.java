package dev.brook.configuration;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A typed configuration key with an optional default and fallback (deprecated) keys. Created
 * through {@link ConfigOptions}.
 */
public final class ConfigOption<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Class<?> type;
    private final T defaultValue;
    private final String description;
    private final List<String> fallbackKeys;
    private final transient Function<String, T> parser;

    ConfigOption(
            String key,
            Class<?> type,
            T defaultValue,
            String description,
            List<String> fallbackKeys,
            Function<String, T> parser) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.fallbackKeys = fallbackKeys;
        this.parser = parser;
    }

    public String key() {
        return key;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public List<String> fallbackKeys() {
        return fallbackKeys;
    }

    T parse(String raw) {
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalConfigurationException(
                    "Invalid value '"
                            + raw
                            + "' for option '"
                            + key
                            + "': expected "
                            + ConfigOptions.describeType(type)
                            + ". "
                            + (e.getMessage() == null ? "" : e.getMessage()));
        }
    }

    public ConfigOption<T> withDescription(String newDescription) {
        return new ConfigOption<>(key, type, defaultValue, newDescription, fallbackKeys, parser);
    }

    public ConfigOption<T> withDeprecatedKeys(String... keys) {
        return new ConfigOption<>(key, type, defaultValue, description, List.of(keys), parser);
    }

    /**
     * Other options' keys read when this one is not set: {@code rest.address} falls back to {@code
     * jobmanager.rpc.address}, so one address serves both when only that is configured.
     */
    public ConfigOption<T> withFallbackKeys(String... keys) {
        List<String> all = new ArrayList<>(fallbackKeys);
        all.addAll(List.of(keys));
        return new ConfigOption<>(key, type, defaultValue, description, List.copyOf(all), parser);
    }

    @Override
    public String toString() {
        return "Key: '" + key + "' , default: " + defaultValue;
    }
}
