package dev.brook.streaming.api.functions.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.streaming.api.functions.source.SocketTextStreamSource.SocketSplit;
import dev.brook.test.util.SourceTestDriver;
import dev.brook.test.util.SourceTestDriver.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A socket cannot be replayed: a checkpoint keeps only which reader holds the connection, so the
 * restored reader connects again and reads what the server sends from then on (at most once).
 */
class SocketTextStreamSourceTest {

    static void send(Socket connection, String text) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void aRestoredReaderConnectsAgainAndReadsWhatTheServerSendsNext() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(30_000);
            SocketTextStreamSource source =
                    new SocketTextStreamSource("localhost", server.getLocalPort(), "\n", 0);
            Snapshot snapshot;
            try (SourceTestDriver<String, SocketSplit, Collection<SocketSplit>> driver =
                            SourceTestDriver.start(source, 2);
                    Socket first = acceptAfterDelivering(server, driver)) {
                send(first, "a\r\nb\n");
                int holder = driver.reader(0).snapshotState(1).isEmpty() ? 1 : 0;
                assertThat(driver.readWaiting(holder, 2)).containsExactly("a", "b");
                snapshot = driver.snapshot(1);
                assertThat(snapshot.readerSplits().get(holder)).hasSize(1);
                assertThat(snapshot.readerSplits().get(1 - holder)).isEmpty();
            }
            try (SourceTestDriver<String, SocketSplit, Collection<SocketSplit>> driver =
                            SourceTestDriver.restore(source, snapshot);
                    Socket second = acceptAfterDelivering(server, driver)) {
                send(second, "c\n");
                int holder = snapshot.readerSplits().get(0).isEmpty() ? 1 : 0;
                assertThat(driver.readWaiting(holder, 1)).containsExactly("c");
                assertThat(driver.readAll(1 - holder)).isEmpty();
            }
        }
    }

    private static Socket acceptAfterDelivering(
            ServerSocket server, SourceTestDriver<String, SocketSplit, ?> driver)
            throws IOException {
        driver.deliverMessages();
        return server.accept();
    }

    @Test
    void aReaderWithoutTheConnectionSnapshotsNothing() throws Exception {
        SocketTextStreamSource source = new SocketTextStreamSource("localhost", 9, "\n", 0);
        try (SourceTestDriver<String, SocketSplit, Collection<SocketSplit>> driver =
                SourceTestDriver.start(source, 1)) {
            assertThat(driver.reader(0).snapshotState(1)).isEmpty();
            assertThat(driver.enumerator().snapshotState(1)).hasSize(1);
        }
    }

    @Test
    void serializersRoundTripAndRejectOtherVersions() throws Exception {
        SocketTextStreamSource source = new SocketTextStreamSource("localhost", 9, "\n", 0);
        SimpleVersionedSerializer<SocketSplit> splits = source.getSplitSerializer();
        assertThat(splits.deserialize(splits.getVersion(), splits.serialize(new SocketSplit())))
                .isInstanceOf(SocketSplit.class);
        assertThatThrownBy(() -> splits.deserialize(5, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 5");
        SimpleVersionedSerializer<Collection<SocketSplit>> checkpoints =
                source.getEnumeratorCheckpointSerializer();
        assertThat(
                        checkpoints.deserialize(
                                checkpoints.getVersion(),
                                checkpoints.serialize(List.of(new SocketSplit()))))
                .hasSize(1);
    }
}
