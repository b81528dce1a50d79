package dev.brook.client.cli;

import dev.brook.client.program.rest.RestClusterClient;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.RestOptions;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to a cluster shares: {@code -m host:port} (default: the
 * configured {@code rest.address} and {@code rest.port}) and {@code -D} settings.
 */
final class ClusterOptions {

    @Option(
            names = {"-m", "--jobmanager"},
            paramLabel = "<host:port>",
            description =
                    "Address of the JobManager's REST endpoint (default: rest.address:rest.port"
                            + " from the configuration; 'run' without it, and without"
                            + " execution.target: remote, runs on an embedded MiniCluster).")
    String jobManager;

    @Option(
            names = {"-D"},
            paramLabel = "<property=value>",
            description = "Sets a configuration property, e.g. -Drest.port=8082.")
    Map<String, String> dynamicProperties = new LinkedHashMap<>();

    Configuration configuration() {
        Configuration conf = CliFrontend.loadConfiguration();
        dynamicProperties.forEach(conf::setString);
        return conf;
    }

    /** The cluster's REST address: {@code -m}, else the configuration's. */
    URI address(Configuration conf) {
        if (jobManager == null) {
            return URI.create(
                    "http://" + conf.get(RestOptions.ADDRESS) + ":" + conf.get(RestOptions.PORT));
        }
        String hostPort = jobManager.startsWith("http://") ? jobManager.substring(7) : jobManager;
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException(
                    "-m expects host:port of the JobManager's REST endpoint, got '"
                            + jobManager
                            + "'");
        }
        try {
            Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "-m expects host:port with a numeric port, got '" + jobManager + "'");
        }
        return URI.create("http://" + hostPort);
    }

    RestClusterClient client() {
        Configuration conf = configuration();
        return new RestClusterClient(address(conf), conf);
    }
}
