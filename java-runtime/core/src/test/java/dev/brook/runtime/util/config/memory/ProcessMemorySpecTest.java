package dev.brook.runtime.util.config.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.IllegalConfigurationException;
import dev.brook.configuration.MemorySize;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessMemorySpecTest {

    private static final long MIB = 1L << 20;

    private static Configuration conf(String... keyValues) {
        Configuration conf = new Configuration();
        for (int i = 0; i < keyValues.length; i += 2) {
            conf.setString(keyValues[i], keyValues[i + 1]);
        }
        return conf;
    }

    private static long mib(MemorySize size) {
        return size.getBytes() / MIB;
    }

    @Test
    void jobManagerDefaultsMatchFlinks() {
        ProcessMemorySpec spec = ProcessMemorySpec.forJobManager(new Configuration());

        assertThat(mib(spec.totalProcess())).isEqualTo(1600);
        assertThat(mib(spec.overhead())).as("10% is below the 192 MiB minimum").isEqualTo(192);
        assertThat(mib(spec.metaspace())).isEqualTo(256);
        assertThat(mib(spec.directMemory())).isEqualTo(128);
        assertThat(mib(spec.heap())).isEqualTo(1024);
        assertThat(spec.jvmArguments())
                .isEqualTo(
                        "-Xmx1073741824 -Xms1073741824 -XX:MaxDirectMemorySize=134217728"
                                + " -XX:MaxMetaspaceSize=268435456");
    }

    @Test
    void overheadIsCappedForLargeProcesses() {
        ProcessMemorySpec spec =
                ProcessMemorySpec.forJobManager(conf("jobmanager.memory.process.size", "16g"));

        assertThat(mib(spec.overhead())).isEqualTo(1024);
        assertThat(mib(spec.heap())).isEqualTo(16384 - 1024 - 256 - 128);
    }

    @Test
    void explicitJobManagerHeapDeterminesTheProcessSize() {
        ProcessMemorySpec spec =
                ProcessMemorySpec.forJobManager(conf("jobmanager.memory.heap.size", "2g"));

        assertThat(mib(spec.heap())).isEqualTo(2048);
        // The overhead is 10% of the whole process: (2048 + 256 + 128) / 0.9 * 0.1.
        assertThat(spec.overhead().getBytes()).isEqualTo((long) ((2048 + 384) * MIB * 0.1 / 0.9));
        assertThat(spec.totalProcess().getBytes())
                .isEqualTo(spec.heap().getBytes() + 384 * MIB + spec.overhead().getBytes());
    }

    @Test
    void explicitHeapMustFitAnExplicitProcessSize() {
        assertThatThrownBy(
                        () ->
                                ProcessMemorySpec.forJobManager(
                                        conf(
                                                "jobmanager.memory.heap.size", "2g",
                                                "jobmanager.memory.process.size", "1600m")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("jobmanager.memory.process.size is 1600 MiB")
                .hasMessageContaining("at least 2624 MiB");

        ProcessMemorySpec fits =
                ProcessMemorySpec.forJobManager(
                        conf(
                                "jobmanager.memory.heap.size", "1g",
                                "jobmanager.memory.process.size", "2g"));
        assertThat(mib(fits.heap())).isEqualTo(1024);
        assertThat(mib(fits.overhead())).as("the rest").isEqualTo(2048 - 1024 - 384);
    }

    @Test
    void tooSmallJobManagerIsRejectedWithTheLeastWorkingSize() {
        assertThatThrownBy(
                        () ->
                                ProcessMemorySpec.forJobManager(
                                        conf("jobmanager.memory.process.size", "600m")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("jobmanager.memory.process.size is 600 MiB, too small")
                .hasMessageContaining("leave a heap of 24 MiB")
                .hasMessageContaining("at least 704 MiB");

        assertThat(
                        mib(
                                ProcessMemorySpec.forJobManager(
                                                conf("jobmanager.memory.process.size", "704m"))
                                        .heap()))
                .isEqualTo(128);
    }

    @Test
    void taskManagerDefaultsKeepNetworkBuffersOnTheHeap() {
        ProcessMemorySpec spec = ProcessMemorySpec.forTaskManager(new Configuration());

        assertThat(mib(spec.totalProcess())).isEqualTo(1728);
        assertThat(mib(spec.overhead())).isEqualTo(192);
        assertThat(mib(spec.metaspace())).isEqualTo(256);
        assertThat(mib(spec.directMemory())).as("framework off-heap only").isEqualTo(128);
        assertThat(mib(spec.heap())).isEqualTo(1152);
        assertThat(spec.network().getBytes()).isEqualTo((long) (1152 * MIB * 0.1));
    }

    @Test
    void taskManagerDirectMemoryAddsTaskOffHeapAndNetworkIsClamped() {
        ProcessMemorySpec spec =
                ProcessMemorySpec.forTaskManager(
                        conf(
                                "taskmanager.memory.process.size", "4g",
                                "taskmanager.memory.task.off-heap.size", "64m"));

        assertThat(mib(spec.directMemory())).isEqualTo(192);
        assertThat(spec.overhead().getBytes()).isEqualTo((long) (4096 * MIB * 0.1));
        assertThat(spec.heap().getBytes())
                .isEqualTo(4096 * MIB - 256 * MIB - 192 * MIB - spec.overhead().getBytes());
        assertThat(mib(spec.network())).as("network.max").isEqualTo(256);
    }

    @Test
    void tooSmallTaskManagerIsRejectedWithTheLeastWorkingSize() {
        assertThatThrownBy(
                        () ->
                                ProcessMemorySpec.forTaskManager(
                                        conf("taskmanager.memory.process.size", "600m")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("taskmanager.memory.process.size is 600 MiB, too small")
                .hasMessageContaining("network buffers take 4 MiB")
                .hasMessageContaining("at least 719 MiB");

        ProcessMemorySpec least =
                ProcessMemorySpec.forTaskManager(conf("taskmanager.memory.process.size", "719m"));
        assertThat(least.heap().getBytes() - least.network().getBytes())
                .isGreaterThanOrEqualTo(ProcessMemorySpec.MIN_HEAP.getBytes());
        assertThatThrownBy(
                        () ->
                                ProcessMemorySpec.forTaskManager(
                                        conf("taskmanager.memory.process.size", "718m")))
                .isInstanceOf(IllegalConfigurationException.class);
    }

    @Test
    void inconsistentBoundsAndFractionsAreRejected() {
        assertThatThrownBy(
                        () ->
                                ProcessMemorySpec.forTaskManager(
                                        conf("taskmanager.memory.jvm-overhead.fraction", "1.5")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("taskmanager.memory.jvm-overhead.fraction is 1.5");
        assertThatThrownBy(
                        () ->
                                ProcessMemorySpec.forJobManager(
                                        conf("jobmanager.memory.jvm-overhead.min", "2g")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining(
                        "jobmanager.memory.jvm-overhead.min (2048 MiB) must not be larger than"
                                + " jobmanager.memory.jvm-overhead.max (1024 MiB)");
    }

    @Test
    void networkMemoryFollowsTheHeapWithinItsBounds() {
        Configuration conf = Configuration.fromMap(Map.of());

        assertThat(ProcessMemorySpec.networkMemory(conf, 10 * MIB)).isEqualTo(4 * MIB);
        assertThat(ProcessMemorySpec.networkMemory(conf, 1000 * MIB)).isEqualTo(100 * MIB);
        assertThat(ProcessMemorySpec.networkMemory(conf, 10_000 * MIB)).isEqualTo(256 * MIB);
    }
}
