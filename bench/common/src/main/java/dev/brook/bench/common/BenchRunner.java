package dev.brook.bench.common;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of a throughput benchmark: runs a {@link BenchJob} {@code --warmups} times
 * unmeasured and then {@code --runs} times measured in this JVM, and prints one line per measured
 * run for {@code bench/run.sh} to collect:
 *
 * <pre>
 * RESULT engine=brook bench=wordcount p=2 records=10000000 millis=1234.5 cpu_millis=2300.0 recs_per_s=8100000 recs_per_cpu_s=4300000 outputs=10000000 checksum=...
 * </pre>
 *
 * <p>{@code millis} is the wall time of {@code env.execute()}; {@code recs_per_s} is input records
 * divided by it. {@code cpu_millis} is the CPU time the whole JVM (all threads: tasks, cluster, JIT
 * compiler, GC) used during the same call; {@code recs_per_cpu_s} divides by that instead. The CPU
 * figure is the steadier one on a machine shared with other work.
 *
 * <p>Arguments: {@code --parallelism N} (default 1), {@code --records N} (default given by the
 * benchmark), {@code --warmups N} (default 1), {@code --warmup-records N} (default a fifth of
 * {@code --records}: enough for the JIT to compile the hot paths, at a fifth of the time), {@code
 * --runs N} (default 1), {@code --totals-dir DIR} (an existing directory shared with the processes
 * that run the job's sinks, when these are not this JVM: see {@link SinkTotals}), and for a {@link
 * ConfigurableBenchJob} any number of {@code --conf key=value}: engine configuration entries (state
 * backend, checkpointing) that both engines understand under the same keys. Every run, warm-up or
 * measured, builds and executes a fresh job, and every one is checked against the benchmark's
 * {@link Expectation}: the number of records the sinks saw and their checksum, where these do not
 * depend on record order.
 *
 * <p>{@code --alternate key=value} (any number) compares two settings in one JVM: every warm-up and
 * every measured run is done twice, once with the {@code --conf} entries only ({@code variant=base}
 * on the result line) and once with these entries added ({@code variant=alternate}), in turns that
 * swap which goes first. Both variants then run on the same compiled code, so the JIT's run-to-run
 * differences between JVMs do not enter their difference.
 */
public final class BenchRunner {

    private BenchRunner() {}

    /**
     * Runs {@code job}. The engine's name is the last segment of {@code jobClass}'s package ({@code
     * dev.brook.bench.brook} or {@code dev.brook.bench.flink}), so the two sides of a benchmark can
     * be word-for-word the same code.
     *
     * @param expected what the sinks must see for a given number of input records
     */
    public static void run(
            Class<?> jobClass,
            String benchmark,
            String[] args,
            long defaultRecords,
            Expectation.Model expected,
            BenchJob job)
            throws Exception {
        run(
                jobClass,
                benchmark,
                args,
                defaultRecords,
                expected,
                (parallelism, records, configuration) -> job.build(parallelism, records),
                false);
    }

    /**
     * Runs {@code job}, which also takes the {@code --conf} entries; otherwise as {@link
     * #run(Class, String, String[], long, Expectation.Model, BenchJob)}.
     */
    public static void run(
            Class<?> jobClass,
            String benchmark,
            String[] args,
            long defaultRecords,
            Expectation.Model expected,
            ConfigurableBenchJob job)
            throws Exception {
        run(jobClass, benchmark, args, defaultRecords, expected, job, true);
    }

    private static void run(
            Class<?> jobClass,
            String benchmark,
            String[] args,
            long defaultRecords,
            Expectation.Model expected,
            ConfigurableBenchJob job,
            boolean configurable)
            throws Exception {
        int parallelism = 1;
        long records = defaultRecords;
        int warmups = 1;
        long warmupRecords = -1;
        int runs = 1;
        Map<String, String> configuration = new LinkedHashMap<>();
        Map<String, String> alternate = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--parallelism" -> parallelism = Integer.parseInt(required(args[i], value));
                case "--records" -> records = Long.parseLong(required(args[i], value));
                case "--warmups" -> warmups = Integer.parseInt(required(args[i], value));
                case "--warmup-records" -> warmupRecords = Long.parseLong(required(args[i], value));
                case "--runs" -> runs = Integer.parseInt(required(args[i], value));
                case "--totals-dir" -> SinkTotals.useDirectory(required(args[i], value));
                case "--conf", "--alternate" -> {
                    if (!configurable) {
                        throw new IllegalArgumentException(
                                "Benchmark " + benchmark + " takes no " + args[i] + " entries");
                    }
                    String entry = required(args[i], value);
                    int eq = entry.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException(
                                args[i] + " needs key=value, got '" + entry + "'");
                    }
                    (args[i].equals("--conf") ? configuration : alternate)
                            .put(entry.substring(0, eq), entry.substring(eq + 1));
                }
                default ->
                        throw new IllegalArgumentException(
                                "Unknown argument '"
                                        + args[i]
                                        + "'; expected --parallelism, --records, --warmups,"
                                        + " --warmup-records, --runs, --totals-dir, --conf or --alternate");
            }
            i++;
        }
        if (warmupRecords < 0) {
            // Rounded to a multiple of 10 so that WordCount's whole lines still add up.
            warmupRecords = Math.max(10, records / 5 / 10 * 10);
        }
        String engine = engineOf(jobClass);
        Expectation measured = expected.forRecords(records);
        Expectation warmup = expected.forRecords(warmupRecords);
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("base", configuration));
        if (!alternate.isEmpty()) {
            Map<String, String> combined = new LinkedHashMap<>(configuration);
            combined.putAll(alternate);
            variants.add(new Variant("alternate", combined));
        }

        for (int w = 0; w < warmups; w++) {
            for (Variant v : variants) {
                Timing t =
                        runChecked(
                                job,
                                parallelism,
                                warmupRecords,
                                v.configuration(),
                                warmup,
                                benchmark);
                System.err.printf(
                        Locale.ROOT,
                        "warm-up %s %s p=%d records=%d%s: %.1f ms (cpu %.1f ms)%n",
                        engine,
                        benchmark,
                        parallelism,
                        warmupRecords,
                        variants.size() > 1 ? " variant=" + v.name() : "",
                        t.wallNanos() / 1e6,
                        t.cpuNanos() / 1e6);
            }
        }
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant v = variants.get(r % 2 == 0 ? i : variants.size() - 1 - i);
                Timing t =
                        runChecked(
                                job, parallelism, records, v.configuration(), measured, benchmark);
                System.out.printf(
                        Locale.ROOT,
                        "RESULT engine=%s bench=%s p=%d records=%d millis=%.1f cpu_millis=%.1f"
                                + " recs_per_s=%.0f recs_per_cpu_s=%.0f outputs=%d checksum=%d%s%n",
                        engine,
                        benchmark,
                        parallelism,
                        records,
                        t.wallNanos() / 1e6,
                        t.cpuNanos() / 1e6,
                        records / (t.wallNanos() / 1e9),
                        records / (t.cpuNanos() / 1e9),
                        SinkTotals.records(),
                        SinkTotals.checksum(),
                        variants.size() > 1 ? " variant=" + v.name() : "");
            }
        }
    }

    /** One setting runs are made with: the engine configuration entries. */
    private record Variant(String name, Map<String, String> configuration) {}

    private record Timing(long wallNanos, long cpuNanos) {}

    private static Timing runChecked(
            ConfigurableBenchJob job,
            int parallelism,
            long records,
            Map<String, String> configuration,
            Expectation expected,
            String benchmark)
            throws Exception {
        SinkTotals.reset();
        BenchJob.Execution execution = job.build(parallelism, records, configuration);
        long cpuStart = processCpuNanos();
        long wallStart = System.nanoTime();
        execution.execute();
        long wallNanos = System.nanoTime() - wallStart;
        long cpuNanos = processCpuNanos() - cpuStart;
        if (expected.outputs() != null && SinkTotals.records() != expected.outputs()) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "%s at p=%d: the sink saw %d records, expected %d",
                            benchmark,
                            parallelism,
                            SinkTotals.records(),
                            expected.outputs()));
        }
        if (expected.checksum() != null && SinkTotals.checksum() != expected.checksum()) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "%s at p=%d: the sink's checksum is %d, expected %d",
                            benchmark,
                            parallelism,
                            SinkTotals.checksum(),
                            expected.checksum()));
        }
        return new Timing(wallNanos, cpuNanos);
    }

    /** CPU time of this JVM, all threads, in nanoseconds. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException(
                "This JVM does not report process CPU time"
                        + " (com.sun.management.OperatingSystemMXBean); use OpenJDK or HotSpot");
    }

    private static String required(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException("Argument " + flag + " needs a value");
        }
        return value;
    }

    private static String engineOf(Class<?> jobClass) {
        String pkg = jobClass.getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }
}
