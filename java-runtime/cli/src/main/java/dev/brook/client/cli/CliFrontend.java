package dev.brook.client.cli;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.GlobalConfiguration;
import dev.brook.configuration.IllegalConfigurationException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bin/flink} command: {@code run} executes a job jar on the embedded MiniCluster (or,
 * later, a cluster). Exits 0 on success and 1 with one clear message when the program or its job
 * fails.
 */
@Command(
        name = "flink",
        mixinStandardHelpOptions = true,
        versionProvider = CliFrontend.Version.class,
        description = "Runs and manages Brook (Flink-compatible) stream processing jobs.",
        subcommands = {
            RunCommand.class,
            RunApplicationCommand.class,
            InfoCommand.class,
            ListCommand.class,
            CancelCommand.class,
            StopCommand.class,
            SavepointCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Run 'flink <command> --help' for a command's options, e.g. 'flink run --help'."
        })
public final class CliFrontend implements Callable<Integer> {

    static final String CONF_DIR_ENV = "FLINK_CONF_DIR";

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 1;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new CliFrontend());
        // Everything after the jar file belongs to the program, even if it looks like an option.
        cli.getSubcommands().get("run").setStopAtPositional(true);
        // As in Flink, what follows the options goes to the program, also --options of a Python
        // program (flink run -py job.py --input x).
        cli.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        cli.getSubcommands().get("run-application").setStopAtPositional(true);
        cli.getSubcommands().get("info").setStopAtPositional(true);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    if (e instanceof ProgramExitException exit) {
                        return exit.exitCode();
                    }
                    new FailureReport(err).print(e);
                    return 1;
                });
        cli.setParameterExceptionHandler(
                (e, args1) -> {
                    err.println("Invalid command line: " + e.getMessage());
                    err.println();
                    e.getCommandLine().usage(err);
                    return 2;
                });
        return cli.execute(args);
    }

    /** The configuration in FLINK_CONF_DIR (default: the distribution's conf/ directory). */
    static Configuration loadConfiguration() {
        String dir = System.getenv(CONF_DIR_ENV);
        if (dir == null || dir.isBlank()) {
            String home = System.getProperty("brook.home");
            if (home == null) {
                return new Configuration();
            }
            dir = Path.of(home, "conf").toString();
        }
        try {
            return GlobalConfiguration.loadConfiguration(Path.of(dir));
        } catch (IllegalConfigurationException e) {
            throw e;
        }
    }

    /** The version line of {@code flink --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CliFrontend.class.getPackage().getImplementationVersion();
            return new String[] {"Brook " + (v == null ? "(development build)" : v)};
        }
    }
}
