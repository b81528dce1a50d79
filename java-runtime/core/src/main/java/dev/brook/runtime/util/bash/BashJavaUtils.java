package dev.brook.runtime.util.bash;

import dev.brook.configuration.ConfigOption;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.CoreOptions;
import dev.brook.configuration.GlobalConfiguration;
import dev.brook.configuration.IllegalConfigurationException;
import dev.brook.runtime.util.config.memory.ProcessMemorySpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the launcher scripts ({@code bin/config.sh}) need to know from the configuration, computed
 * in Java so that the scripts never parse YAML and the rules live in one place:
 *
 * <pre>
 * BashJavaUtils &lt;command&gt; --configDir &lt;dir&gt; [-D key=value | -Dkey=value]...
 *   GET_JM_JVM_PARAMS  one line: the JobManager's JVM memory flags (-Xmx, -Xms, ...)
 *   GET_TM_JVM_PARAMS  one line: the TaskManager's
 *   GET_ENV_OPTIONS    one "key: value" line per env.* option the scripts read that has a value
 * </pre>
 *
 * <p>Standard out carries only the result. Warnings about the configuration (unknown keys) are
 * logged, which the scripts send to standard error; an unusable configuration is reported on
 * standard error with exit code 1, a wrong command line with exit code 2.
 *
 * @see ProcessMemorySpec for how the memory flags are derived
 */
public final class BashJavaUtils {

    /** What the scripts can ask for. */
    enum Command {
        GET_JM_JVM_PARAMS,
        GET_TM_JVM_PARAMS,
        GET_ENV_OPTIONS
    }

    /** The env.* options of {@link Command#GET_ENV_OPTIONS}, in the order they are printed. */
    static final List<ConfigOption<?>> ENV_OPTIONS =
            List.of(
                    CoreOptions.FLINK_JVM_OPTIONS,
                    CoreOptions.FLINK_JM_JVM_OPTIONS,
                    CoreOptions.FLINK_TM_JVM_OPTIONS,
                    CoreOptions.FLINK_LOG_DIR,
                    CoreOptions.FLINK_LOG_MAX,
                    CoreOptions.FLINK_PID_DIR,
                    CoreOptions.FLINK_SSH_OPTIONS);

    private BashJavaUtils() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Command command;
        Path configDir = null;
        Configuration dynamicProperties = new Configuration();
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("No command given.");
            }
            command = parseCommand(args[0]);
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--configDir") || arg.equals("-c")) {
                    configDir = Path.of(valueOf(args, ++i, arg));
                } else if (arg.equals("-D")) {
                    addProperty(valueOf(args, ++i, arg), dynamicProperties);
                } else if (arg.startsWith("-D")) {
                    addProperty(arg.substring(2), dynamicProperties);
                } else {
                    throw new IllegalArgumentException("Unexpected argument '" + arg + "'.");
                }
            }
            if (configDir == null) {
                throw new IllegalArgumentException("Missing --configDir <directory>.");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(
                    "Usage: BashJavaUtils (GET_JM_JVM_PARAMS|GET_TM_JVM_PARAMS|GET_ENV_OPTIONS)"
                            + " --configDir <dir> [-D key=value]...");
            return 2;
        }
        try {
            Configuration conf =
                    GlobalConfiguration.loadConfiguration(configDir, dynamicProperties);
            switch (command) {
                case GET_JM_JVM_PARAMS ->
                        out.println(ProcessMemorySpec.forJobManager(conf).jvmArguments());
                case GET_TM_JVM_PARAMS ->
                        out.println(ProcessMemorySpec.forTaskManager(conf).jvmArguments());
                case GET_ENV_OPTIONS -> printEnvOptions(conf, out);
            }
            return 0;
        } catch (IllegalConfigurationException e) {
            err.println("Invalid configuration: " + e.getMessage());
            return 1;
        }
    }

    private static Command parseCommand(String name) {
        try {
            return Command.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown command '" + name + "'.");
        }
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Option " + option + " needs a value.");
        }
        return args[i];
    }

    private static void addProperty(String keyValue, Configuration into) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("Expected -D key=value, got '-D " + keyValue + "'.");
        }
        into.setString(keyValue.substring(0, eq).trim(), keyValue.substring(eq + 1).trim());
    }

    /** Values are printed on one line each; a multi-line YAML value becomes one line. */
    private static void printEnvOptions(Configuration conf, PrintStream out) {
        for (ConfigOption<?> option : ENV_OPTIONS) {
            Optional<?> value =
                    option.hasDefaultValue()
                            ? Optional.of(conf.get(option))
                            : conf.getOptional(option);
            value.ifPresent(
                    v -> out.println(option.key() + ": " + v.toString().replaceAll("\\R", " ")));
        }
    }
}
