package dev.brook.client.cli;

import dev.brook.client.python.PythonDriver;
import dev.brook.configuration.Configuration;
import dev.brook.python.PythonOptions;
import java.util.List;
import picocli.CommandLine.Option;

/** Flink's {@code -py*} options of {@code flink run}, with Flink's meanings and config keys. */
final class PythonProgramOptions {

    @Option(
            names = {"-py", "--python"},
            paramLabel = "<pythonFile>",
            description = "Python script with the program entry point.")
    String script;

    @Option(
            names = {"-pym", "--pyModule"},
            paramLabel = "<pythonModule>",
            description = "Python module with the program entry point (use with -pyfs).")
    String module;

    @Option(
            names = {"-pyfs", "--pyFiles"},
            paramLabel = "<pythonFiles>",
            description =
                    "Comma-separated .py/.zip files or directories put on the PYTHONPATH of the"
                            + " client and the workers (python.files).")
    String files;

    @Option(
            names = {"-pyarch", "--pyArchives"},
            paramLabel = "<pythonArchives>",
            description = "Comma-separated archives for the workers (python.archives).")
    String archives;

    @Option(
            names = {"-pyexec", "--pyExecutable"},
            paramLabel = "<pythonExecutable>",
            description = "Python interpreter of the UDF workers (python.executable).")
    String executable;

    @Option(
            names = {"-pyreq", "--pyRequirements"},
            paramLabel = "<requirementsFile>",
            description = "requirements.txt installed for the workers (python.requirements).")
    String requirements;

    @Option(
            names = {"-pyclientexec", "--pyClientExecutable"},
            paramLabel = "<pythonClientExecutable>",
            description = "Python interpreter of the client program (python.client.executable).")
    String clientExecutable;

    @Option(
            names = {"-pypath", "--pyPythonPath"},
            paramLabel = "<pythonPath>",
            description = "Extra PYTHONPATH entries of the workers (python.pythonpath).")
    String pythonPath;

    boolean isPythonProgram() {
        return script != null || module != null;
    }

    void applyTo(Configuration conf) {
        if (script != null && module != null) {
            throw new IllegalArgumentException("Give either -py or -pym, not both.");
        }
        set(conf, PythonOptions.PYTHON_FILES.key(), files);
        set(conf, PythonOptions.PYTHON_ARCHIVES.key(), archives);
        set(conf, PythonOptions.PYTHON_EXECUTABLE.key(), executable);
        set(conf, PythonOptions.PYTHON_REQUIREMENTS.key(), requirements);
        set(conf, PythonOptions.PYTHON_CLIENT_EXECUTABLE.key(), clientExecutable);
        set(conf, PythonOptions.PYTHON_PATH.key(), pythonPath);
    }

    PythonDriver.Program program(List<String> arguments) {
        return new PythonDriver.Program(
                script,
                module,
                List.copyOf(arguments),
                files == null ? List.of() : List.of(files.split(",")),
                pythonPath);
    }

    private static void set(Configuration conf, String key, String value) {
        if (value != null) {
            conf.setString(key, value);
        }
    }
}
