package dev.brook.client.cli;

/**
 * A program run by the CLI as a process (a Python program) ended with a non-zero exit code; it has
 * already reported why on its own standard error, so the CLI only passes the code on.
 */
final class ProgramExitException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    ProgramExitException(int exitCode) {
        super("The program exited with code " + exitCode);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
