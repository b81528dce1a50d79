package dev.brook.client.cli;

import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.ProgramInvocationException;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.CoreOptions;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What every command running a program shares ({@code run}, {@code run-application}, {@code info}):
 * the jar, its entry class, its arguments and the parallelism.
 */
final class ProgramOptions {

    @Option(
            names = {"-c", "--class"},
            paramLabel = "<classname>",
            description =
                    "Class with the program entry point (\"main()\" method). Only needed if the"
                            + " JAR file does not specify the class in its manifest.")
    String entryClass;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "<parallelism>",
            description =
                    "The parallelism with which to run the program. Overrides the default"
                            + " (parallelism.default) in the configuration.")
    Integer parallelism;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "<jar-file>",
            description = "The job's JAR file (none with -py or -pym).")
    File jarFile;

    @Parameters(
            index = "1..*",
            paramLabel = "<arguments>",
            description = "Arguments passed to the program's main method.")
    List<String> programArgs = new ArrayList<>();

    /** The parallelism given with {@code -p}, checked, or null. */
    Integer parallelism() throws ProgramInvocationException {
        if (parallelism != null && parallelism < 1) {
            throw new ProgramInvocationException(
                    "The parallelism must be at least 1, got " + parallelism + ".");
        }
        return parallelism;
    }

    /** Sets {@code -p} as the default parallelism of {@code conf}. */
    void applyParallelism(Configuration conf) throws ProgramInvocationException {
        if (parallelism() != null) {
            conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
    }

    PackagedProgram load() throws ProgramInvocationException {
        if (jarFile == null) {
            throw new ProgramInvocationException("Missing the job's <jar-file>.");
        }
        if (jarFile.getPath().startsWith("-")) {
            throw new ProgramInvocationException("Unknown option: '" + jarFile.getPath() + "'");
        }
        return PackagedProgram.load(jarFile, entryClass, programArgs);
    }
}
