package dev.brook.client.python;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.GlobalConfiguration;
import dev.brook.python.PythonWorkerManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import py4j.GatewayServer;

/**
 * The Py4J gateway Python programs build jobs through: bound to loopback, every connection must
 * present the secret token, and the entry point is a {@link PythonEnvironmentFacade}.
 *
 * <p>As a process ({@link #main}), it is what {@code python job.py} launches: the token comes in
 * the environment ({@code PYFLINK_GATEWAY_SECRET}, never argv), the port goes to the file named by
 * {@code _PYFLINK_CONN_INFO_PATH} (4 bytes, big-endian, renamed into place), and the JVM exits when
 * its standard input reaches end of file, i.e. when the Python process that owns the pipe is gone.
 */
public final class PythonGatewayServer implements AutoCloseable {

    private final GatewayServer server;
    private final PythonEnvironmentFacade facade;

    private PythonGatewayServer(GatewayServer server, PythonEnvironmentFacade facade) {
        this.server = server;
        this.facade = facade;
    }

    /** Starts a gateway on a free loopback port. */
    public static PythonGatewayServer start(String secret, Configuration configuration) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException(
                    "The gateway needs a secret of at least 16 characters");
        }
        PythonEnvironmentFacade facade = new PythonEnvironmentFacade(configuration);
        GatewayServer server =
                new GatewayServer.GatewayServerBuilder()
                        .entryPoint(facade)
                        .javaAddress(InetAddress.getLoopbackAddress())
                        .javaPort(0)
                        .authToken(secret)
                        .build();
        server.start(true);
        return new PythonGatewayServer(server, facade);
    }

    public int getPort() {
        return server.getListeningPort();
    }

    @Override
    public void close() {
        server.shutdown();
        facade.close();
        try {
            PythonWorkerManager.stopServer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        String secret = System.getenv("PYFLINK_GATEWAY_SECRET");
        String connInfo = System.getenv("_PYFLINK_CONN_INFO_PATH");
        if (secret == null || connInfo == null) {
            System.err.println(
                    "PythonGatewayServer is started by the pyflink package: it needs"
                            + " PYFLINK_GATEWAY_SECRET and _PYFLINK_CONN_INFO_PATH in its"
                            + " environment.");
            System.exit(2);
        }
        String configDir = configDir();
        Configuration conf =
                configDir != null && Files.isDirectory(Path.of(configDir))
                        ? GlobalConfiguration.loadConfiguration(configDir)
                        : new Configuration();
        try (PythonGatewayServer gateway = start(secret, conf)) {
            writePort(Path.of(connInfo), gateway.getPort());
            awaitEndOfInput(System.in);
        }
        System.exit(0);
    }

    private static String configDir() {
        String dir = System.getenv("FLINK_CONF_DIR");
        if (dir != null) {
            return dir;
        }
        String home = System.getProperty("brook.home");
        return home == null ? null : Path.of(home, "conf").toString();
    }

    private static void writePort(Path file, int port) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, ByteBuffer.allocate(4).putInt(port).array());
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the pipe carries nothing; its end is the signal
            }
        } catch (IOException closed) {
            // same as end of input
        }
    }
}
