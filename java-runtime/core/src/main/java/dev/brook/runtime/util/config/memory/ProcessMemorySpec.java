package dev.brook.runtime.util.config.memory;

import dev.brook.configuration.ConfigOption;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.IllegalConfigurationException;
import dev.brook.configuration.JobManagerOptions;
import dev.brook.configuration.MemorySize;
import dev.brook.configuration.TaskManagerOptions;
import dev.brook.runtime.io.network.buffer.NetworkBufferPool;
import java.util.Locale;

/**
 * How the memory of a JobManager or TaskManager process ({@code *.memory.process.size}) is divided
 * among the JVM's memory areas, and the JVM flags that hold each area to its share, so that the
 * process as a whole stays within its size (which a container or a shared host relies on).
 *
 * <p>The division follows Flink's, with Flink's keys and defaults:
 *
 * <ul>
 *   <li><b>JVM overhead</b>: native memory the JVM uses outside its limited areas (thread stacks,
 *       code cache, garbage collector) and native libraries such as RocksDB. {@code
 *       jvm-overhead.fraction} (10%) of the process size, clamped to [{@code jvm-overhead.min},
 *       {@code jvm-overhead.max}] (192 MiB to 1 GiB). No flag limits it: it is what the other areas
 *       leave free.
 *   <li><b>Metaspace</b>: class metadata, {@code jvm-metaspace.size} (256 MiB), {@code
 *       -XX:MaxMetaspaceSize}.
 *   <li><b>Direct memory</b>: NIO buffers, which Netty uses for the RPC, data and REST connections;
 *       {@code jobmanager.memory.off-heap.size}, or for a TaskManager {@code
 *       framework.off-heap.size} plus {@code task.off-heap.size} (128 MiB in all), {@code
 *       -XX:MaxDirectMemorySize}.
 *   <li><b>Heap</b>: the rest, {@code -Xmx} and {@code -Xms} (equal, so the heap is committed at
 *       start and never resized).
 * </ul>
 *
 * <p>Unlike Flink's, a TaskManager's network buffers are byte arrays on the heap, not direct
 * memory: {@code taskmanager.memory.network.fraction} of the heap, clamped to [{@code network.min},
 * {@code network.max}], the size {@link NetworkBufferPool#fromConfiguration} gives a TaskManager's
 * pool. So they are part of the heap here, and the heap must hold them plus {@link #MIN_HEAP} for
 * everything else. Brook has no managed memory; RocksDB's native memory comes out of the JVM
 * overhead.
 */
public record ProcessMemorySpec(
        MemorySize totalProcess,
        MemorySize heap,
        MemorySize directMemory,
        MemorySize metaspace,
        MemorySize overhead,
        MemorySize network) {

    /** The least heap a process gets besides network buffers; below it, it hardly starts. */
    public static final MemorySize MIN_HEAP = MemorySize.ofMebiBytes(128);

    private static final long MIB = 1L << 20;

    /** The JVM flags that enforce this division, as one line for a command line. */
    public String jvmArguments() {
        return "-Xmx"
                + heap.getBytes()
                + " -Xms"
                + heap.getBytes()
                + " -XX:MaxDirectMemorySize="
                + directMemory.getBytes()
                + " -XX:MaxMetaspaceSize="
                + metaspace.getBytes();
    }

    /**
     * The JobManager's division. With {@code jobmanager.memory.heap.size} the heap is that size and
     * the process size, when set as well, must hold it and the other areas (what is left is JVM
     * overhead); otherwise the heap is what the process size leaves.
     */
    public static ProcessMemorySpec forJobManager(Configuration conf) {
        Overhead overhead =
                Overhead.of(
                        conf,
                        JobManagerOptions.JVM_OVERHEAD_MIN,
                        JobManagerOptions.JVM_OVERHEAD_MAX,
                        JobManagerOptions.JVM_OVERHEAD_FRACTION);
        long metaspace = conf.get(JobManagerOptions.JVM_METASPACE).getBytes();
        long offHeap = conf.get(JobManagerOptions.OFF_HEAP_MEMORY).getBytes();
        long fixed = metaspace + offHeap;
        String fixedParts =
                "JVM metaspace "
                        + format(metaspace)
                        + " ("
                        + JobManagerOptions.JVM_METASPACE.key()
                        + "), off-heap memory "
                        + format(offHeap)
                        + " ("
                        + JobManagerOptions.OFF_HEAP_MEMORY.key()
                        + ")";
        if (conf.getOptional(JobManagerOptions.JVM_HEAP_MEMORY).isPresent()) {
            long heap = conf.get(JobManagerOptions.JVM_HEAP_MEMORY).getBytes();
            if (heap < MIN_HEAP.getBytes()) {
                throw new IllegalConfigurationException(
                        JobManagerOptions.JVM_HEAP_MEMORY.key()
                                + " is "
                                + format(heap)
                                + ", less than the "
                                + format(MIN_HEAP.getBytes())
                                + " a JobManager needs.");
            }
            long process;
            if (conf.contains(JobManagerOptions.TOTAL_PROCESS_MEMORY)) {
                process = conf.get(JobManagerOptions.TOTAL_PROCESS_MEMORY).getBytes();
                long needed = heap + fixed + overhead.min;
                if (process < needed) {
                    throw new IllegalConfigurationException(
                            JobManagerOptions.TOTAL_PROCESS_MEMORY.key()
                                    + " is "
                                    + format(process)
                                    + ", less than "
                                    + JobManagerOptions.JVM_HEAP_MEMORY.key()
                                    + " "
                                    + format(heap)
                                    + " plus "
                                    + fixedParts
                                    + " plus the minimal JVM overhead "
                                    + format(overhead.min)
                                    + " ("
                                    + JobManagerOptions.JVM_OVERHEAD_MIN.key()
                                    + "). Set it to at least "
                                    + format(needed)
                                    + ", or remove it to derive it from the heap size.");
                }
            } else {
                process = heap + fixed + overhead.forRest(heap + fixed);
            }
            return spec(process, heap, offHeap, metaspace, 0);
        }
        long process = conf.get(JobManagerOptions.TOTAL_PROCESS_MEMORY).getBytes();
        long heap = process - fixed - overhead.forProcess(process);
        if (heap < MIN_HEAP.getBytes()) {
            long least = process;
            while (least - fixed - overhead.forProcess(least) < MIN_HEAP.getBytes()) {
                least += MIB;
            }
            throw tooSmall(
                    JobManagerOptions.TOTAL_PROCESS_MEMORY,
                    "a JobManager",
                    process,
                    fixedParts,
                    overhead.forProcess(process),
                    heap,
                    "",
                    least);
        }
        return spec(process, heap, offHeap, metaspace, 0);
    }

    /** The TaskManager's division; the heap holds the network buffers. */
    public static ProcessMemorySpec forTaskManager(Configuration conf) {
        Overhead overhead =
                Overhead.of(
                        conf,
                        TaskManagerOptions.JVM_OVERHEAD_MIN,
                        TaskManagerOptions.JVM_OVERHEAD_MAX,
                        TaskManagerOptions.JVM_OVERHEAD_FRACTION);
        long metaspace = conf.get(TaskManagerOptions.JVM_METASPACE).getBytes();
        long offHeap =
                conf.get(TaskManagerOptions.FRAMEWORK_OFF_HEAP_MEMORY).getBytes()
                        + conf.get(TaskManagerOptions.TASK_OFF_HEAP_MEMORY).getBytes();
        long fixed = metaspace + offHeap;
        long process = conf.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY).getBytes();
        long heap = process - fixed - overhead.forProcess(process);
        long network = heap <= 0 ? 0 : networkMemory(conf, heap);
        if (heap - network < MIN_HEAP.getBytes()) {
            long least = process;
            long h = heap;
            while (h <= 0 || h - networkMemory(conf, h) < MIN_HEAP.getBytes()) {
                least += MIB;
                h = least - fixed - overhead.forProcess(least);
            }
            throw tooSmall(
                    TaskManagerOptions.TOTAL_PROCESS_MEMORY,
                    "a TaskManager",
                    process,
                    "JVM metaspace "
                            + format(metaspace)
                            + " ("
                            + TaskManagerOptions.JVM_METASPACE.key()
                            + "), off-heap memory "
                            + format(offHeap)
                            + " ("
                            + TaskManagerOptions.FRAMEWORK_OFF_HEAP_MEMORY.key()
                            + " + "
                            + TaskManagerOptions.TASK_OFF_HEAP_MEMORY.key()
                            + ")",
                    overhead.forProcess(process),
                    heap,
                    ", of which network buffers take " + format(network),
                    least);
        }
        return spec(process, heap, offHeap, metaspace, network);
    }

    /**
     * The TaskManager's network memory for a heap of {@code heapBytes}: {@code
     * taskmanager.memory.network.fraction} of it, clamped to [{@code network.min}, {@code
     * network.max}]; the same rule as {@link NetworkBufferPool#fromConfiguration}, checked for
     * consistent bounds.
     */
    public static long networkMemory(Configuration conf, long heapBytes) {
        double fraction = conf.get(TaskManagerOptions.NETWORK_MEMORY_FRACTION);
        long min = conf.get(TaskManagerOptions.NETWORK_MEMORY_MIN).getBytes();
        long max = conf.get(TaskManagerOptions.NETWORK_MEMORY_MAX).getBytes();
        checkFraction(TaskManagerOptions.NETWORK_MEMORY_FRACTION, fraction);
        checkRange(
                TaskManagerOptions.NETWORK_MEMORY_MIN,
                min,
                TaskManagerOptions.NETWORK_MEMORY_MAX,
                max);
        return Math.max(min, Math.min(max, (long) (heapBytes * fraction)));
    }

    private static ProcessMemorySpec spec(
            long process, long heap, long direct, long metaspace, long network) {
        return new ProcessMemorySpec(
                new MemorySize(process),
                new MemorySize(heap),
                new MemorySize(direct),
                new MemorySize(metaspace),
                new MemorySize(process - heap - direct - metaspace),
                new MemorySize(network));
    }

    private static IllegalConfigurationException tooSmall(
            ConfigOption<MemorySize> processOption,
            String what,
            long process,
            String fixedParts,
            long overhead,
            long heap,
            String heapDetail,
            long least) {
        return new IllegalConfigurationException(
                processOption.key()
                        + " is "
                        + format(process)
                        + ", too small to run "
                        + what
                        + ": "
                        + fixedParts
                        + " and JVM overhead "
                        + format(overhead)
                        + " leave a heap of "
                        + format(Math.max(0, heap))
                        + heapDetail
                        + ", but at least "
                        + format(MIN_HEAP.getBytes())
                        + " of heap is needed besides network buffers. Set "
                        + processOption.key()
                        + " to at least "
                        + format(least)
                        + ".");
    }

    /** The JVM overhead's share: a fraction of the process size, clamped to [min, max]. */
    private record Overhead(long min, long max, double fraction) {

        static Overhead of(
                Configuration conf,
                ConfigOption<MemorySize> minOption,
                ConfigOption<MemorySize> maxOption,
                ConfigOption<Double> fractionOption) {
            long min = conf.get(minOption).getBytes();
            long max = conf.get(maxOption).getBytes();
            double fraction = conf.get(fractionOption);
            checkRange(minOption, min, maxOption, max);
            checkFraction(fractionOption, fraction);
            return new Overhead(min, max, fraction);
        }

        long forProcess(long process) {
            return Math.max(min, Math.min(max, (long) (process * fraction)));
        }

        /** The overhead for a process whose other areas take {@code rest} bytes. */
        long forRest(long rest) {
            return Math.max(min, Math.min(max, (long) (rest * fraction / (1 - fraction))));
        }
    }

    private static void checkRange(
            ConfigOption<MemorySize> minOption,
            long min,
            ConfigOption<MemorySize> maxOption,
            long max) {
        if (min > max) {
            throw new IllegalConfigurationException(
                    minOption.key()
                            + " ("
                            + format(min)
                            + ") must not be larger than "
                            + maxOption.key()
                            + " ("
                            + format(max)
                            + ").");
        }
    }

    private static void checkFraction(ConfigOption<Double> option, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalConfigurationException(
                    option.key() + " is " + fraction + "; it must be at least 0 and less than 1.");
        }
    }

    /** A size for people: whole MiB where it is one, else with one decimal. */
    static String format(long bytes) {
        if (bytes % MIB == 0) {
            return (bytes / MIB) + " MiB";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }
}
