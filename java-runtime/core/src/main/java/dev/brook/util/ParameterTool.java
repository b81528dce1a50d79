package dev.brook.util;

import dev.brook.api.common.ExecutionConfig;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Program arguments of the form {@code --key value} (or {@code -key value}; a key without a value
 * is a flag). Registered with {@code env.getConfig().setGlobalJobParameters(params)} its values are
 * visible to every function.
 */
public class ParameterTool extends ExecutionConfig.GlobalJobParameters {

    private static final long serialVersionUID = 1L;

    /** The value of flags given without a value. */
    public static final String NO_VALUE_KEY = "__NO_VALUE_KEY";

    protected final Map<String, String> data;

    protected ParameterTool(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(new HashMap<>(data));
    }

    public static ParameterTool fromArgs(String[] args) {
        return new ParameterTool(MultipleParameterTool.parse(args).lastValues());
    }

    public static ParameterTool fromMap(Map<String, String> map) {
        return new ParameterTool(map);
    }

    public int getNumberOfParameters() {
        return data.size();
    }

    public boolean has(String key) {
        return data.containsKey(key);
    }

    public String get(String key) {
        return data.get(key);
    }

    public String get(String key, String defaultValue) {
        String v = data.get(key);
        return v == null ? defaultValue : v;
    }

    public String getRequired(String key) {
        String v = data.get(key);
        if (v == null) {
            throw new NoSuchElementException("No value for required parameter '--" + key + "'");
        }
        return v;
    }

    public int getInt(String key) {
        return parse(key, getRequired(key), Integer::valueOf, "an integer");
    }

    public int getInt(String key, int defaultValue) {
        return has(key) ? getInt(key) : defaultValue;
    }

    public long getLong(String key) {
        return parse(key, getRequired(key), Long::valueOf, "a long integer");
    }

    public long getLong(String key, long defaultValue) {
        return has(key) ? getLong(key) : defaultValue;
    }

    public double getDouble(String key, double defaultValue) {
        return has(key) ? parse(key, getRequired(key), Double::valueOf, "a number") : defaultValue;
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        String v = get(key);
        return NO_VALUE_KEY.equals(v) || Boolean.parseBoolean(v);
    }

    private static <T> T parse(
            String key, String value, java.util.function.Function<String, T> parser, String what) {
        try {
            return parser.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Parameter '--" + key + "' must be " + what + ", got '" + value + "'");
        }
    }

    @Override
    public Map<String, String> toMap() {
        return data;
    }
}
