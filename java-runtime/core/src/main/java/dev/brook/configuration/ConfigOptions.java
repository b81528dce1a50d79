package dev.brook.configuration;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Builds {@link ConfigOption}s: {@code ConfigOptions.key("a.b").intType().defaultValue(1)}. */
public final class ConfigOptions {

    private ConfigOptions() {}

    public static OptionBuilder key(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Option key must not be empty");
        }
        return new OptionBuilder(key);
    }

    static String describeType(Class<?> type) {
        if (type == Integer.class) {
            return "an integer";
        } else if (type == Long.class) {
            return "a long integer";
        } else if (type == Boolean.class) {
            return "true or false";
        } else if (type == Duration.class) {
            return "a duration such as '100 ms', '10 s' or '5 min'";
        } else if (type == MemorySize.class) {
            return "a memory size such as '512m' or '1g'";
        } else if (type == Double.class) {
            return "a number";
        } else if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }

    /** Chooses the option's type. */
    public static final class OptionBuilder {
        private final String key;

        OptionBuilder(String key) {
            this.key = key;
        }

        public TypedBuilder<Integer> intType() {
            return new TypedBuilder<>(key, Integer.class, Integer::valueOf);
        }

        public TypedBuilder<Long> longType() {
            return new TypedBuilder<>(key, Long.class, Long::valueOf);
        }

        public TypedBuilder<Double> doubleType() {
            return new TypedBuilder<>(key, Double.class, Double::valueOf);
        }

        public TypedBuilder<Boolean> booleanType() {
            return new TypedBuilder<>(key, Boolean.class, ConfigOptions::parseBoolean);
        }

        public TypedBuilder<String> stringType() {
            return new TypedBuilder<>(key, String.class, s -> s);
        }

        public TypedBuilder<Duration> durationType() {
            return new TypedBuilder<>(key, Duration.class, TimeUtils::parseDuration);
        }

        public TypedBuilder<MemorySize> memoryType() {
            return new TypedBuilder<>(key, MemorySize.class, MemorySize::parse);
        }

        public <E extends Enum<E>> TypedBuilder<E> enumType(Class<E> enumClass) {
            return new TypedBuilder<>(
                    key,
                    enumClass,
                    s -> Enum.valueOf(enumClass, s.toUpperCase(Locale.ROOT).replace('-', '_')));
        }
    }

    /** Sets the default value (or none). */
    public static final class TypedBuilder<T> {
        private final String key;
        private final Class<T> type;
        private final Function<String, T> parser;

        TypedBuilder(String key, Class<T> type, Function<String, T> parser) {
            this.key = key;
            this.type = type;
            this.parser = parser;
        }

        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, type, value, "", List.of(), parser);
        }

        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "", List.of(), parser);
        }
    }

    private static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("Not a boolean");
    }
}
