package dev.brook.runtime.rest;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.IllegalConfigurationException;
import dev.brook.configuration.RestOptions;
import dev.brook.configuration.WebOptions;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.dispatcher.UnknownJobException;
import dev.brook.runtime.resourcemanager.ResourceManager;
import dev.brook.util.FileUtils;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's REST API (Flink's paths and JSON shapes) in front of a {@link Dispatcher}: the
 * cluster, its jobs, their checkpoints and savepoints, job submission by clients, and jars run in
 * the JobManager. Served by Javalin (Jetty) on {@code rest.bind-address} (the loopback interface by
 * default) and {@code rest.bind-port}, else {@code rest.port}; port 0 binds any free port, which
 * {@link #getPort()} then tells.
 *
 * <p>Every error is {@code {"errors": ["..."]}}. The client's mistakes are 4xx with a message
 * naming the problem (400 malformed ids, bodies and values; 404 unknown jobs, jars, routes; 409 for
 * jobs that have already ended; 413 for requests over {@code rest.server.max-content-length}); only
 * the server's own failures are 500.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #close()} (stops serving, deletes the files of
 * submitted jobs and a temporary upload directory; jars under a configured {@code web.upload.dir}
 * stay).
 *
 * <p>Threading model: requests run on Jetty's threads; handlers only call the thread-safe {@link
 * Dispatcher}, and queries of a job are answered by its JobMaster's main thread.
 */
public final class RestServerEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServerEndpoint.class);

    private final Configuration configuration;
    private final Dispatcher dispatcher;
    private final ResourceManager resourceManager;
    private final String bindAddress;
    private final List<Integer> candidatePorts;
    private final long maxContentLength;
    private final Path uploadDirectory;
    private final boolean temporaryUploadDirectory;
    private Javalin server;

    public RestServerEndpoint(
            Configuration configuration, Dispatcher dispatcher, ResourceManager resourceManager)
            throws IOException {
        this.configuration = configuration;
        this.dispatcher = dispatcher;
        this.resourceManager = resourceManager;
        this.bindAddress =
                configuration
                        .getOptional(RestOptions.BIND_ADDRESS)
                        .orElse(InetAddress.getLoopbackAddress().getHostAddress());
        this.candidatePorts = parsePorts(configuration.get(RestOptions.BIND_PORT));
        this.maxContentLength = configuration.get(RestOptions.SERVER_MAX_CONTENT_LENGTH);
        String configured = configuration.getOptional(WebOptions.UPLOAD_DIR).orElse(null);
        this.temporaryUploadDirectory = configured == null;
        this.uploadDirectory =
                configured == null
                        ? Files.createTempDirectory("brook-web-")
                        : Files.createDirectories(Path.of(configured));
    }

    /**
     * Ports from {@code rest.bind-port}: "8081", "50100-50200" or a comma-separated list of both.
     */
    static List<Integer> parsePorts(String spec) {
        List<Integer> ports = new ArrayList<>();
        try {
            for (String part : spec.split(",")) {
                String p = part.trim();
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
                if (from < 0 || to > 65535 || from > to) {
                    throw new NumberFormatException();
                }
                for (int port = from; port <= to; port++) {
                    ports.add(port);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalConfigurationException(
                    "Invalid "
                            + RestOptions.BIND_PORT.key()
                            + " '"
                            + spec
                            + "': use a port (8081), a range (50100-50200) or a comma-separated"
                            + " list of them.");
        }
        return ports;
    }

    /** Starts serving on the first free candidate port. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("The REST endpoint has already been started.");
        }
        JarStore jars = new JarStore(uploadDirectory.resolve("jars"));
        Path jobs = Files.createDirectories(uploadDirectory.resolve("jobs"));
        Path multipartCache = Files.createDirectories(uploadDirectory.resolve("tmp"));
        JavalinBindException lastFailure = null;
        for (int port : candidatePorts) {
            Javalin app = Javalin.create(config -> configure(config, jars, jobs, multipartCache));
            try {
                app.start(bindAddress, port);
                server = app;
                LOG.info(
                        "REST endpoint listening at {}; uploads in {}",
                        getRestBaseUrl(),
                        uploadDirectory);
                return;
            } catch (JavalinBindException e) {
                lastFailure = e;
                app.stop();
            }
        }
        throw new IOException(
                "Could not start the REST endpoint on "
                        + bindAddress
                        + " at any of the ports "
                        + configuration.get(RestOptions.BIND_PORT)
                        + " ("
                        + RestOptions.BIND_PORT.key()
                        + " / "
                        + RestOptions.PORT.key()
                        + "): they are in use.",
                lastFailure);
    }

    private void configure(JavalinConfig config, JarStore jars, Path jobs, Path multipartCache) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = maxContentLength;
        config.jetty.multipartConfig.cacheDirectory(multipartCache.toString());
        config.jetty.multipartConfig.maxFileSize(maxContentLength, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(maxContentLength, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(64, SizeUnit.KB);

        config.routes.before(this::checkContentLength);
        new ClusterHandlers(dispatcher, resourceManager, configuration).register(config.routes);
        new JobsHandlers(dispatcher).register(config.routes);
        new JobExceptionsHandler(dispatcher).register(config.routes);
        new JobExecutionResultHandler(dispatcher).register(config.routes);
        new CheckpointStatisticsHandler(dispatcher).register(config.routes);
        new MetricsHandlers(dispatcher).register(config.routes);
        new SavepointHandlers(
                        dispatcher, configuration.get(RestOptions.ASYNC_OPERATION_STORE_DURATION))
                .register(config.routes);
        new JobSubmitHandler(dispatcher, jobs).register(config.routes);
        new JarHandlers(dispatcher, configuration, jars, this::getRestBaseUrl)
                .register(config.routes);

        config.routes.exception(
                RestHandlerException.class,
                (e, ctx) -> RestJson.error(ctx, e.status(), e.getMessage()));
        config.routes.exception(
                UnknownJobException.class,
                (e, ctx) -> RestJson.error(ctx, 404, "Job " + e.getJobId() + " not found"));
        config.routes.exception(
                IllegalArgumentException.class,
                (e, ctx) -> RestJson.error(ctx, 400, e.getMessage()));
        config.routes.exception(
                HttpResponseException.class,
                (e, ctx) -> {
                    if (e.getStatus() == 413) {
                        tooLarge(ctx);
                    } else {
                        RestJson.error(ctx, e.getStatus(), e.getMessage());
                    }
                });
        config.routes.exception(Exception.class, this::otherFailure);
    }

    private void tooLarge(Context ctx) {
        RestJson.error(
                ctx,
                413,
                "The request is larger than the "
                        + maxContentLength
                        + " bytes the server accepts ("
                        + RestOptions.SERVER_MAX_CONTENT_LENGTH.key()
                        + ").");
    }

    /**
     * Rejects a request whose declared size is over the limit before its body is read; a body
     * without a declared size is cut off at the limit while it is read.
     */
    private void checkContentLength(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > maxContentLength) {
            throw new RestHandlerException(
                    413,
                    "The request has "
                            + length
                            + " bytes, more than the "
                            + maxContentLength
                            + " bytes the server accepts ("
                            + RestOptions.SERVER_MAX_CONTENT_LENGTH.key()
                            + ").");
        }
    }

    /**
     * A failure without a handler of its own: Jetty's verdict on a malformed request (a multipart
     * body cut off at the size limit while being read, when no size was declared, is 413), else the
     * server's own failure (500, logged).
     */
    private void otherFailure(Exception e, Context ctx) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpException bad) {
                if (bad.getCode() == 413 || mentionsSizeLimit(c)) {
                    tooLarge(ctx);
                } else {
                    int status = bad.getCode() >= 400 && bad.getCode() < 500 ? bad.getCode() : 400;
                    RestJson.error(ctx, status, "Malformed request: " + bad.getReason());
                }
                return;
            }
        }
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        LOG.error("REST request {} {} failed", ctx.method(), ctx.path(), cause);
        RestJson.error(ctx, 500, "Internal server error: " + cause);
    }

    /** Jetty's multipart parser reports its size limits as "max length exceeded". */
    private static boolean mentionsSizeLimit(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String message = c.getMessage();
            if (message != null && message.contains("max length exceeded")) {
                return true;
            }
        }
        return false;
    }

    /** The port the endpoint listens on. */
    public synchronized int getPort() {
        if (server == null) {
            throw new IllegalStateException("The REST endpoint is not running.");
        }
        return server.port();
    }

    /** {@code http://<bind address>:<port>}. */
    public String getRestBaseUrl() {
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return "http://" + host + ":" + getPort();
    }

    /** Where uploaded jars ({@code jars/}) and submitted jobs' files ({@code jobs/}) are kept. */
    public Path getUploadDirectory() {
        return uploadDirectory;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
        deleteRecursively(uploadDirectory.resolve("jobs"));
        deleteRecursively(uploadDirectory.resolve("tmp"));
        if (temporaryUploadDirectory) {
            deleteRecursively(uploadDirectory);
        }
    }

    static void deleteRecursively(Path dir) {
        try {
            FileUtils.deleteDirectory(dir);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
