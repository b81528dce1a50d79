package dev.brook.configuration;

import java.time.Duration;

/** Options of the web front end served by the REST endpoint (uploads, dashboard settings). */
public final class WebOptions {
    private WebOptions() {}

    /**
     * Where uploaded jars and the files of submitted jobs are kept; a fresh temporary directory,
     * deleted when the endpoint stops, when unset.
     */
    public static final ConfigOption<String> UPLOAD_DIR =
            ConfigOptions.key("web.upload.dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Directory for uploaded jars and submitted job files.");

    /** How often the dashboard refreshes; reported by {@code GET /config}. */
    public static final ConfigOption<Duration> REFRESH_INTERVAL =
            ConfigOptions.key("web.refresh-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(3))
                    .withDescription("Refresh interval of the web dashboard.");
}
