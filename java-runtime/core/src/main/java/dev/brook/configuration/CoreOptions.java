package dev.brook.configuration;

/** Options every job and cluster reads. */
public final class CoreOptions {
    private CoreOptions() {}

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM =
            ConfigOptions.key("parallelism.default")
                    .intType()
                    .defaultValue(1)
                    .withDescription("Parallelism of operators that set none.");

    /**
     * Directories for local files (state backends' working files, sort spills). Flink's key; the
     * first directory is used.
     */
    public static final ConfigOption<String> TMP_DIRS =
            ConfigOptions.key("io.tmp.dirs")
                    .stringType()
                    .defaultValue(System.getProperty("java.io.tmpdir"))
                    .withDescription(
                            "Directories for temporary files, separated by ',' or the path"
                                    + " separator; the first one is used.");

    /** The first directory of {@link #TMP_DIRS}. */
    public static java.nio.file.Path firstTmpDirectory(Configuration configuration) {
        String dirs = configuration.get(TMP_DIRS);
        String first =
                dirs.split("[," + java.util.regex.Pattern.quote(java.io.File.pathSeparator) + "]")[
                        0];
        return java.nio.file.Path.of(first.trim());
    }
}
