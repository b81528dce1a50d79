package dev.brook.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The SocketWindowWordCount example against a real text server: words sent within one 5-second
 * window are counted together; the job ends when the server closes the connection.
 */
class SocketWindowWordCountITCase {

    @Test
    void countsWordsPerWindowFromASocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> feeder =
                    CompletableFuture.runAsync(
                            () -> {
                                try (Socket client = server.accept()) {
                                    OutputStream out = client.getOutputStream();
                                    out.write(
                                            "hello brook\nhello world\nhello\n"
                                                    .getBytes(StandardCharsets.UTF_8));
                                    out.flush();
                                    // Keep the connection open past the 5-second window so it
                                    // fires.
                                    Thread.sleep(6_500);
                                } catch (Exception e) {
                                    throw new RuntimeException(e);
                                }
                            });
            BrookDistribution.Result r =
                    BrookDistribution.run(
                            BrookDistribution.home(),
                            120,
                            "flink",
                            "run",
                            "examples/streaming/SocketWindowWordCount.jar",
                            "--hostname",
                            "127.0.0.1",
                            "--port",
                            String.valueOf(server.getLocalPort()));
            feeder.get(30, TimeUnit.SECONDS);
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            Map<String, Long> counts = new HashMap<>();
            for (String line : r.stdout().lines().toList()) {
                String[] parts = line.split(" : ");
                if (parts.length == 2) {
                    counts.merge(parts[0], Long.parseLong(parts[1]), Long::sum);
                }
            }
            assertThat(counts)
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("hello", 3L, "brook", 1L, "world", 1L));
        }
    }

    @Test
    void withoutPortPrintsUsage() throws Exception {
        BrookDistribution.Result r =
                BrookDistribution.run(
                        BrookDistribution.home(),
                        60,
                        "flink",
                        "run",
                        "examples/streaming/SocketWindowWordCount.jar");
        assertThat(r.stderr()).contains("No port specified");
    }
}
