package dev.brook.runtime.entrypoint;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.GlobalConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of Brook's daemons: {@code --configDir <dir>}, {@code -D key=value} (or {@code
 * -Dkey=value}) and, for application mode, {@code --job-classname}, {@code --jars} and the job's
 * own arguments.
 */
public record ClusterEntrypointArgs(
        Path configDir,
        Map<String, String> dynamicProperties,
        String jobClassName,
        List<Path> jars,
        List<String> programArgs) {

    public static ClusterEntrypointArgs parse(String[] args) {
        Path configDir = null;
        Map<String, String> dynamic = new LinkedHashMap<>();
        String jobClassName = null;
        List<Path> jars = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--configDir", "-c" -> configDir = Path.of(value(args, ++i, a));
                case "--job-classname", "-j" -> jobClassName = value(args, ++i, a);
                case "--jars" -> jars.add(Path.of(value(args, ++i, a)));
                case "-D" -> property(value(args, ++i, a), dynamic);
                default -> {
                    if (a.startsWith("-D") && a.length() > 2) {
                        property(a.substring(2), dynamic);
                    } else {
                        rest.add(a);
                    }
                }
            }
        }
        return new ClusterEntrypointArgs(configDir, dynamic, jobClassName, jars, rest);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Option " + option + " needs a value");
        }
        return args[i];
    }

    private static void property(String keyValue, Map<String, String> into) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(
                    "Expected -D key=value, got -D " + keyValue + " (no '=')");
        }
        into.put(keyValue.substring(0, eq).trim(), keyValue.substring(eq + 1).trim());
    }

    /**
     * The configuration directory's settings with the {@code -D} overrides applied (checked like
     * the file's).
     */
    public Configuration configuration() {
        Configuration dynamic = Configuration.fromMap(dynamicProperties);
        if (configDir == null) {
            throw new IllegalArgumentException(
                    "No configuration directory: start the process with --configDir <dir>");
        }
        return GlobalConfiguration.loadConfiguration(configDir, dynamic);
    }
}
