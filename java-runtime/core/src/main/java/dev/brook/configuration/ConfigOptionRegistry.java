package dev.brook.configuration;

import dev.brook.python.PythonOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every option Brook reads, so that a configuration file can be checked when it is loaded rather
 * than when (or whether) some component reads a key: values of known keys are parsed at once, and
 * unknown keys — usually typos, or Flink options Brook does not implement — are reported with the
 * closest known key.
 *
 * <p>The options are the public static {@link ConfigOption} fields of the classes in {@link
 * #OPTION_CLASSES}, found by reflection, so declaring an option is all it takes to make its key
 * known. A new {@code *Options} class must be added to that list (a test checks that none is
 * missing).
 */
final class ConfigOptionRegistry {

    static final List<Class<?>> OPTION_CLASSES =
            List.of(
                    CheckpointingOptions.class,
                    CoreOptions.class,
                    ExecutionOptions.class,
                    HeartbeatManagerOptions.class,
                    JobManagerOptions.class,
                    NettyShuffleEnvironmentOptions.class,
                    PipelineOptions.class,
                    PythonOptions.class,
                    RestOptions.class,
                    RestartStrategyOptions.class,
                    StateBackendOptions.class,
                    StateRecoveryOptions.class,
                    TaskManagerOptions.class,
                    WebOptions.class);

    /**
     * Prefixes under which any key is accepted: users name the entries there themselves (JVM
     * options per process kind, metric reporters, global job parameters), and {@code $internal.}
     * keys are set by Brook's own components.
     */
    static final List<String> OPEN_PREFIXES =
            List.of(
                    "env.java.opts.",
                    "metrics.reporter.",
                    "pipeline.global-job-parameters.",
                    "$internal.");

    private static final ConfigOptionRegistry INSTANCE = new ConfigOptionRegistry(OPTION_CLASSES);

    /** Each option under its key and under its fallback keys, sorted for stable suggestions. */
    private final Map<String, ConfigOption<?>> byKey;

    private ConfigOptionRegistry(List<Class<?>> optionClasses) {
        Map<String, ConfigOption<?>> primary = new TreeMap<>();
        Map<String, ConfigOption<?>> fallback = new TreeMap<>();
        for (Class<?> c : optionClasses) {
            for (ConfigOption<?> option : declaredOptions(c)) {
                primary.put(option.key(), option);
                for (String key : option.fallbackKeys()) {
                    fallback.put(key, option);
                }
            }
        }
        // A fallback key may be another option's own key (rest.address falls back to
        // jobmanager.rpc.address); its value is then checked as that option's.
        fallback.putAll(primary);
        this.byKey = Collections.unmodifiableMap(fallback);
    }

    static ConfigOptionRegistry get() {
        return INSTANCE;
    }

    static List<ConfigOption<?>> declaredOptions(Class<?> optionsClass) {
        return Arrays.stream(optionsClass.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()))
                .filter(f -> f.getType() == ConfigOption.class)
                .<ConfigOption<?>>map(ConfigOptionRegistry::read)
                .toList();
    }

    private static ConfigOption<?> read(Field field) {
        try {
            return (ConfigOption<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read option field " + field, e);
        }
    }

    /** The option read under this key (its own or a fallback key), if any. */
    Optional<ConfigOption<?>> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * Whether some option reads the key, or it lies under an {@link #OPEN_PREFIXES open prefix}.
     */
    boolean isKnown(String key) {
        return byKey.containsKey(key) || OPEN_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /**
     * The known key most similar to {@code key}, if one is close enough to be a likely typo: at
     * most a quarter of the key's characters (and at least two) inserted, deleted, replaced or
     * swapped, ignoring case.
     */
    Optional<String> closestKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, key.length() / 4);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : byKey.keySet()) {
            int d = editDistance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /**
     * Optimal string alignment distance: Levenshtein plus the swap of two adjacent characters, the
     * most common typo, as one edit.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
