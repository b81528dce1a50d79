package dev.brook.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.IllegalConfigurationException;
import dev.brook.configuration.RestOptions;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.resourcemanager.ResourceManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding: ports, ranges and lists of them; the first free port wins; the upload directory. */
class RestServerEndpointTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ResourceManager resourceManager = new ResourceManager(timer);
    private final Dispatcher dispatcher = new Dispatcher(resourceManager, Duration.ofSeconds(1));

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void parsesPortsRangesAndLists() {
        assertThat(RestServerEndpoint.parsePorts("8081")).containsExactly(8081);
        assertThat(RestServerEndpoint.parsePorts("0")).containsExactly(0);
        assertThat(RestServerEndpoint.parsePorts("50100-50102, 9000"))
                .containsExactly(50100, 50101, 50102, 9000);
        for (String bad : List.of("", "http", "5-3", "70000", "1-2-3", "-1")) {
            assertThatThrownBy(() -> RestServerEndpoint.parsePorts(bad))
                    .as(bad)
                    .isInstanceOf(IllegalConfigurationException.class)
                    .hasMessageStartingWith("Invalid rest.bind-port '" + bad + "'");
        }
    }

    @Test
    void takesTheFirstFreePortOfTheCandidates(@TempDir Path uploads) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int busy = taken.getLocalPort();
            int free = freePort();
            Configuration conf = new Configuration();
            conf.set(RestOptions.BIND_PORT, busy + "," + free);
            conf.setString("web.upload.dir", uploads.toString());
            try (RestServerEndpoint endpoint =
                    new RestServerEndpoint(conf, dispatcher, resourceManager)) {
                endpoint.start();
                assertThat(endpoint.getPort()).isEqualTo(free);
                assertThat(endpoint.getRestBaseUrl()).isEqualTo("http://127.0.0.1:" + free);
            }

            conf.set(RestOptions.BIND_PORT, String.valueOf(busy));
            RestServerEndpoint blocked = new RestServerEndpoint(conf, dispatcher, resourceManager);
            assertThatThrownBy(blocked::start)
                    .isInstanceOf(IOException.class)
                    .hasMessage(
                            "Could not start the REST endpoint on 127.0.0.1 at any of the ports "
                                    + busy
                                    + " (rest.bind-port / rest.port): they are in use.");
            blocked.close();
        }
        // Jars stay in a configured upload directory; the files of submitted jobs do not.
        assertThat(uploads.resolve("jars")).isDirectory();
        assertThat(uploads.resolve("jobs")).doesNotExist();
    }

    @Test
    void aTemporaryUploadDirectoryIsDeletedOnClose() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0");
        RestServerEndpoint endpoint = new RestServerEndpoint(conf, dispatcher, resourceManager);
        endpoint.start();
        Path uploads = endpoint.getUploadDirectory();
        assertThat(uploads.resolve("jars")).isDirectory();
        endpoint.close();
        assertThat(uploads).doesNotExist();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
