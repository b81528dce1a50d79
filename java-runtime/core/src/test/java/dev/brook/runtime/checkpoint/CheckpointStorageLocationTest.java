package dev.brook.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State written through {@link CheckpointStorageLocation#write(CheckpointStorageLocation.Contents)}
 * comes back byte for byte, whether streamed into a file or kept in memory, and a file's handle
 * knows its size.
 */
class CheckpointStorageLocationTest {

    @TempDir Path directory;

    /** Larger than the write buffer, with a copy from an input view in the middle. */
    private static void contents(DataOutputView out) throws IOException {
        out.writeInt(7);
        byte[] block = new byte[200_000];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        out.write(block);
        byte[] source = {1, 2, 3, 4, 5, 6};
        out.write(new DataInputDeserializer(source, 1, 5), 4);
        out.writeUTF("end");
    }

    private static byte[] expected() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        contents(out);
        return out.toByteArray();
    }

    private static byte[] read(StreamStateHandle handle) throws IOException {
        try (InputStream in = handle.openInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void contentsStreamIntoANewFileOfTheCheckpoint() throws Exception {
        CheckpointStorageLocation location =
                CheckpointStorageLocation.forCheckpoint(directory, directory.resolve("shared"));
        StreamStateHandle handle = location.write(CheckpointStorageLocationTest::contents);
        byte[] expected = expected();
        assertThat(handle).isInstanceOf(FileStateHandle.class);
        assertThat(handle.getStateSize()).isEqualTo(expected.length);
        assertThat(read(handle)).isEqualTo(expected);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void contentsStayInMemoryWithoutADirectory() throws Exception {
        StreamStateHandle handle =
                CheckpointStorageLocation.IN_MEMORY.write(CheckpointStorageLocationTest::contents);
        assertThat(handle).isInstanceOf(ByteStreamStateHandle.class);
        assertThat(read(handle)).isEqualTo(expected());
    }
}
