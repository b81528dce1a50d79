package dev.brook.configuration;

import java.time.Duration;

/**
 * Options of the REST endpoint: the JobManager's server, which the CLI and the web UI talk to.
 * Keys, defaults and descriptions follow Flink's.
 */
public final class RestOptions {
    private RestOptions() {}

    /** Where clients find the server; falls back to the JobManager's address. */
    public static final ConfigOption<String> ADDRESS =
            ConfigOptions.key("rest.address")
                    .stringType()
                    .defaultValue("localhost")
                    .withFallbackKeys(JobManagerOptions.ADDRESS.key())
                    .withDescription(
                            "The address that should be used by clients to connect to the"
                                    + " server.");

    /** Where the server listens; without a value, on the loopback interface only. */
    public static final ConfigOption<String> BIND_ADDRESS =
            ConfigOptions.key("rest.bind-address")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The address that the server binds itself to, e.g. 0.0.0.0 for all"
                                    + " interfaces; without a value, the loopback address.");

    public static final ConfigOption<Integer> PORT =
            ConfigOptions.key("rest.port")
                    .intType()
                    .defaultValue(8081)
                    .withDeprecatedKeys("web.port")
                    .withDescription(
                            "The port that the client connects to; the server binds to it too"
                                    + " unless rest.bind-port is set.");

    /** A port, a range ({@code 50100-50200}) or a list of both. */
    public static final ConfigOption<String> BIND_PORT =
            ConfigOptions.key("rest.bind-port")
                    .stringType()
                    .defaultValue("8081")
                    .withFallbackKeys(PORT.key())
                    .withDescription(
                            "The port that the server binds itself to: a port, a range"
                                    + " (50100-50200) or a list (50100,50101); without a value,"
                                    + " rest.port.");

    public static final ConfigOption<Integer> SERVER_MAX_CONTENT_LENGTH =
            ConfigOptions.key("rest.server.max-content-length")
                    .intType()
                    .defaultValue(104_857_600)
                    .withDescription(
                            "The maximum content length in bytes that the server will handle.");

    /** How long a client waits to connect to the server. */
    public static final ConfigOption<Duration> CONNECTION_TIMEOUT =
            ConfigOptions.key("rest.connection-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(15))
                    .withDescription("How long the client waits to connect to the server.");

    /** How long a client waits for the answer to one request. */
    public static final ConfigOption<Duration> IDLENESS_TIMEOUT =
            ConfigOptions.key("rest.idleness-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription("How long the client waits for the server's response.");

    /** How long the result of an asynchronous operation (a savepoint) can still be fetched. */
    public static final ConfigOption<Duration> ASYNC_OPERATION_STORE_DURATION =
            ConfigOptions.key("rest.async.store-duration")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "How long the server keeps the result of a finished savepoint"
                                    + " request.");
}
