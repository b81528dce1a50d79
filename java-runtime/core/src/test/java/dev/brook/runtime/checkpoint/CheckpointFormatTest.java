package dev.brook.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.JobID;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.state.IncrementalKeyedStateHandle;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.runtime.state.OperatorStateContents;
import dev.brook.runtime.state.VoidNamespaceSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The byte formats of operator snapshots and checkpoint metadata: version 2 carries incremental
 * keyed state and shared files, and version 1 (written before) is still read.
 */
class CheckpointFormatTest {

    private static final ClassLoader CLASS_LOADER = CheckpointFormatTest.class.getClassLoader();

    private static final KeyedStateSnapshot.StateMeta META =
            new KeyedStateSnapshot.StateMeta(
                    "v",
                    StateDescriptor.Type.VALUE,
                    false,
                    VoidNamespaceSerializer.INSTANCE,
                    Types.LONG.createSerializer(),
                    Types.STRING.createSerializer());

    private static KeyedStateSnapshot fullSnapshot() {
        TreeMap<Integer, byte[]> keyGroups = new TreeMap<>();
        keyGroups.put(3, new byte[] {1, 2, 3});
        return new KeyedStateSnapshot(List.of(META), keyGroups);
    }

    private static OperatorSubtaskState inMemory(byte[] bytes, List<FileStateHandle> shared) {
        return new OperatorSubtaskState(
                new ByteStreamStateHandle(bytes), new KeyGroupRange(0, 127), false, false, shared);
    }

    @Test
    void anOperatorSnapshotOfVersion1IsStillRead() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(0x42524B53);
        out.writeInt(1);
        out.writeBoolean(true);
        fullSnapshot().write(out);
        out.writeBoolean(false);
        out.writeInt(0);

        OperatorSnapshot read =
                OperatorSnapshot.read(inMemory(out.toByteArray(), List.of()), CLASS_LOADER);

        assertThat(read.keyed()).isInstanceOf(KeyedStateSnapshot.class);
        KeyedStateSnapshot keyed = (KeyedStateSnapshot) read.keyed();
        assertThat(keyed.states()).containsExactly(META);
        assertThat(keyed.keyGroups().get(3)).containsExactly(1, 2, 3);
        assertThat(read.timers()).isNull();
        assertThat(read.operatorState()).isEmpty();
    }

    @Test
    void anIncrementalHandleResolvesItsSharedFilesByNameInTheSubtaskState() throws Exception {
        FileStateHandle uploaded = new FileStateHandle("/checkpoints/job/shared/x1.sst", 10);
        IncrementalKeyedStateHandle handle =
                new IncrementalKeyedStateHandle(
                        new KeyGroupRange(0, 63),
                        List.of(new IncrementalKeyedStateHandle.ColumnFamily("0-v", META)),
                        Map.of("000012.sst", uploaded),
                        Map.of("CURRENT", new byte[] {7}));
        DataOutputSerializer out = new DataOutputSerializer(256);
        OperatorSnapshot.withoutKeyedState(
                        null,
                        Map.of(
                                "s",
                                OperatorStateContents.list(
                                        OperatorStateContents.Mode.UNION,
                                        List.of(5L),
                                        Types.LONG.createSerializer())))
                .writeTo(handle, out);
        byte[] bytes = out.toByteArray();

        // The job directory moved: the metadata says where the shared file is now.
        FileStateHandle moved = new FileStateHandle("/elsewhere/job/shared/x1.sst", 10);
        OperatorSnapshot read =
                OperatorSnapshot.read(inMemory(bytes, List.of(moved)), CLASS_LOADER);

        IncrementalKeyedStateHandle keyed = (IncrementalKeyedStateHandle) read.keyed();
        assertThat(keyed.keyGroupRange()).isEqualTo(new KeyGroupRange(0, 63));
        assertThat(keyed.columnFamilies())
                .containsExactly(new IncrementalKeyedStateHandle.ColumnFamily("0-v", META));
        assertThat(keyed.sharedFiles()).containsExactly(Map.entry("000012.sst", moved));
        assertThat(keyed.privateFiles().get("CURRENT")).containsExactly(7);
        assertThat(read.operatorState().get("s").elements()).isEqualTo(List.of(5L));

        assertThatThrownBy(() -> OperatorSnapshot.read(inMemory(bytes, List.of()), CLASS_LOADER))
                .hasMessageContaining("x1.sst")
                .hasMessageContaining("metadata does not list");
    }

    @Test
    void metadataOfVersion1IsStillRead() throws Exception {
        JobID job = JobID.generate();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x42524B4D);
        out.writeInt(1);
        out.writeUTF(job.toString());
        out.writeLong(7);
        out.writeLong(1234);
        out.writeBoolean(false);
        out.writeInt(1);
        out.writeUTF("uid:sums");
        out.writeInt(1);
        out.writeInt(128);
        out.writeInt(-1);
        out.writeInt(1);
        out.writeInt(0);
        out.writeBoolean(false);
        out.writeBoolean(false);
        out.writeBoolean(true);
        out.writeInt(0);
        out.writeInt(127);
        out.writeByte(2); // a file relative to the checkpoint's directory
        out.writeUTF("state-0");
        out.writeLong(42);
        Path directory = Path.of("/checkpoints", job.toString(), "chk-7");

        CompletedCheckpoint read =
                CheckpointMetadata.read(new ByteArrayInputStream(bytes.toByteArray()), directory);

        OperatorSubtaskState subtask = read.operators().get("uid:sums").subtasks().get(0);
        assertThat(read.checkpointId()).isEqualTo(7);
        assertThat(subtask.handle())
                .isEqualTo(new FileStateHandle(directory.resolve("state-0").toString(), 42));
        assertThat(subtask.keyGroupRange()).isEqualTo(new KeyGroupRange(0, 127));
        assertThat(subtask.sharedState()).isEmpty();
    }

    @Test
    void sharedFilesAreStoredRelativeToTheJobDirectoryWhenInsideIt() throws Exception {
        JobID job = JobID.generate();
        Path jobDir = Path.of("/checkpoints", job.toString());
        Path directory = jobDir.resolve("chk-3");
        FileStateHandle inShared = new FileStateHandle(jobDir + "/shared/a.sst", 5);
        FileStateHandle elsewhere = new FileStateHandle("/other/b.sst", 6);
        OperatorSubtaskState subtask =
                new OperatorSubtaskState(
                        new FileStateHandle(directory + "/blob", 9),
                        new KeyGroupRange(0, 127),
                        false,
                        false,
                        List.of(inShared, elsewhere));
        CompletedCheckpoint checkpoint =
                new CompletedCheckpoint(
                        job,
                        3,
                        1,
                        false,
                        Map.of(
                                "uid:sums",
                                new OperatorState("uid:sums", 1, 128, null, Map.of(0, subtask))),
                        directory.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckpointMetadata.write(checkpoint, directory, bytes);

        // Read from where the job directory was moved to.
        Path movedJobDir = Path.of("/moved", job.toString());
        CompletedCheckpoint read =
                CheckpointMetadata.read(
                        new ByteArrayInputStream(bytes.toByteArray()),
                        movedJobDir.resolve("chk-3"));

        OperatorSubtaskState back = read.operators().get("uid:sums").subtasks().get(0);
        assertThat(back.handle()).isEqualTo(new FileStateHandle(movedJobDir + "/chk-3/blob", 9));
        assertThat(back.sharedState())
                .containsExactly(new FileStateHandle(movedJobDir + "/shared/a.sst", 5), elsewhere);
        assertThat(back.getStateSize()).isEqualTo(9 + 5 + 6);
    }
}
