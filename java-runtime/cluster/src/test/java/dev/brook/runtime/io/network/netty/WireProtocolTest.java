package dev.brook.runtime.io.network.netty;

import static dev.brook.runtime.io.network.netty.ShuffleStreams.expectedStream;
import static dev.brook.runtime.io.network.netty.ShuffleStreams.nextBuffer;
import static dev.brook.runtime.io.network.netty.ShuffleStreams.produce;
import static dev.brook.runtime.io.network.netty.ShuffleStreams.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.runtime.clusterframework.ResourceID;
import dev.brook.runtime.io.network.buffer.Buffer;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.runtime.io.network.partition.ResultPartitionID;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wire protocol against raw sockets standing in for the other side: a consumer reassembles
 * frames however TCP splits them; a producer's server closes the connection of a consumer that
 * sends garbage and goes on serving others; a consumer fails its channels, with the reason, when a
 * producer sends an oversized buffer, an unknown frame or a buffer it has no credit for.
 */
class WireProtocolTest {

    private static final int SEGMENT = 4096;

    private final ExecutorService fakeProducerThread = Executors.newSingleThreadExecutor();
    private ServerSocket fakeProducer;
    private TestTaskManager a;
    private TestTaskManager b;

    @AfterEach
    void tearDown() throws IOException {
        fakeProducerThread.shutdownNow();
        if (fakeProducer != null) {
            fakeProducer.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private static byte[] frame(byte type, int receiverId, byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(NettyMessage.TYPE_AND_RECEIVER_LENGTH + body.length);
            out.writeByte(type);
            out.writeInt(receiverId);
            out.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            bytes.writeBytes(f);
        }
        return bytes.toByteArray();
    }

    /**
     * Starts a fake producer that answers the first partition request with {@code response}, one
     * byte per write if {@code byteByByte}, and keeps the connection open until the consumer drops
     * it; returns a gate on TaskManager B reading channel 0 from it.
     */
    private SingleInputGate readFromFakeProducer(byte[] response, boolean byteByByte)
            throws Exception {
        b = new TestTaskManager("B", SEGMENT);
        fakeProducer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        fakeProducerThread.execute(
                () -> {
                    try (Socket s = fakeProducer.accept()) {
                        s.setTcpNoDelay(true);
                        DataInputStream in = new DataInputStream(s.getInputStream());
                        in.readFully(new byte[in.readInt()]);
                        OutputStream out = s.getOutputStream();
                        if (byteByByte) {
                            for (byte x : response) {
                                out.write(x);
                                out.flush();
                            }
                        } else {
                            out.write(response);
                        }
                        out.flush();
                        in.transferTo(OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
        TaskManagerLocation location =
                new TaskManagerLocation(
                        new ResourceID("fake"),
                        TestTaskManager.LOOPBACK,
                        fakeProducer.getLocalPort());
        return b.consume(location, TestTaskManager.partitionId("fake"), 1);
    }

    /** Reads, holding every buffer (so no credit goes back), until the channel fails. */
    private IOException failureOf(SingleInputGate gate) throws Exception {
        List<Buffer> held = new ArrayList<>();
        IOException failure = null;
        try {
            while (true) {
                held.add(nextBuffer(gate));
            }
        } catch (IOException e) {
            failure = e;
        }
        held.forEach(Buffer::recycle);
        gate.release();
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage())
                .contains("127.0.0.1:" + fakeProducer.getLocalPort())
                .contains(TestTaskManager.partitionId("fake").toString());
        return failure;
    }

    @Test
    void consumerReassemblesFramesSplitAtEveryByte() throws Exception {
        byte[] first = ShuffleStreams.record(0, 0, SEGMENT);
        byte[] second = ShuffleStreams.record(0, 1, 7);
        SingleInputGate gate =
                readFromFakeProducer(
                        concat(
                                frame(NettyMessage.BUFFER, 0, first),
                                frame(NettyMessage.BUFFER, 0, second)),
                        true);

        Buffer one = nextBuffer(gate);
        Buffer two = nextBuffer(gate);
        assertThat(Arrays.copyOf(one.memory(), one.size())).isEqualTo(first);
        assertThat(Arrays.copyOf(two.memory(), two.size())).isEqualTo(second);
        one.recycle();
        two.recycle();
        gate.release();
    }

    @Test
    void consumerRejectsABufferLargerThanItsSegments() throws Exception {
        SingleInputGate gate =
                readFromFakeProducer(frame(NettyMessage.BUFFER, 0, new byte[SEGMENT + 1]), false);
        assertThat(failureOf(gate))
                .hasMessageContaining("malformed frame")
                .hasMessageContaining("A buffer of " + (SEGMENT + 1) + " bytes does not fit");
    }

    @Test
    void consumerRejectsAnUnknownFrameType() throws Exception {
        SingleInputGate gate = readFromFakeProducer(frame((byte) 42, 0, new byte[0]), false);
        assertThat(failureOf(gate)).hasMessageContaining("Unknown response type 42");
    }

    @Test
    void consumerRejectsBuffersBeyondItsCredit() throws Exception {
        byte[] buffer = frame(NettyMessage.BUFFER, 0, new byte[100]);
        int credit = NettyShuffleConfig.of(TestTaskManager.LOOPBACK, 0).buffersPerChannel();
        byte[] beyondCredit = new byte[0];
        for (int i = 0; i <= credit; i++) {
            beyondCredit = concat(beyondCredit, buffer);
        }
        SingleInputGate gate = readFromFakeProducer(beyondCredit, false);
        assertThat(failureOf(gate)).hasMessageContaining("without credit");
    }

    @Test
    void serverClosesConnectionsThatSendGarbageAndKeepsServing() throws Exception {
        a = new TestTaskManager("A", SEGMENT);
        int port = a.location().dataPort();
        try (Socket tooLong = new Socket(InetAddress.getLoopbackAddress(), port);
                Socket unknownType = new Socket(InetAddress.getLoopbackAddress(), port)) {
            DataOutputStream out = new DataOutputStream(tooLong.getOutputStream());
            out.writeInt(Integer.MAX_VALUE);
            out.write(new byte[64]);
            out.flush();
            assertThat(tooLong.getInputStream().read()).as("end of stream").isEqualTo(-1);

            unknownType.getOutputStream().write(frame((byte) 99, 0, new byte[0]));
            assertThat(unknownType.getInputStream().read()).as("end of stream").isEqualTo(-1);
        }

        b = new TestTaskManager("B", SEGMENT);
        ResultPartitionID id = TestTaskManager.partitionId("still-served");
        ResultPartition partition = a.produce(id, 1, 2, 4);
        SingleInputGate gate = b.consume(a.location(), id, 1);
        produce(partition, 3, (s, i) -> 10);
        byte[][] expected = {expectedStream(0, 3, (s, i) -> 10)};
        assertThat(readAll(gate, expected)[0]).isEqualTo(expected[0]);
        gate.release();
    }

    @Test
    void unreachableProducerFailsTheRequestNamingItsAddress() throws Exception {
        b = new TestTaskManager("B", SEGMENT);
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        TaskManagerLocation gone =
                new TaskManagerLocation(new ResourceID("gone"), TestTaskManager.LOOPBACK, port);
        assertThatThrownBy(() -> b.consume(gone, TestTaskManager.partitionId("gone"), 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Cannot connect to the TaskManager at 127.0.0.1:" + port);
        assertThat(b.shuffle.numberOfConnections()).isZero();
    }
}
