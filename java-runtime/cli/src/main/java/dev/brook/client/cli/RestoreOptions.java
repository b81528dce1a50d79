package dev.brook.client.cli;

import picocli.CommandLine.Option;

/** Where a program's job starts from: {@code -s savepoint} and {@code -n}. */
final class RestoreOptions {

    @Option(
            names = {"-s", "--fromSavepoint"},
            paramLabel = "<savepointPath>",
            description =
                    "Path to a savepoint or retained checkpoint to restore the job from (its"
                            + " directory or its _metadata file).")
    String savepointPath;

    @Option(
            names = {"-n", "--allowNonRestoredState"},
            description =
                    "Allow to skip savepoint state that cannot be restored: state of operators"
                            + " that are no longer in the program.")
    boolean allowNonRestoredState;
}
