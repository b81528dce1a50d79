package dev.brook.streaming.runtime;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child process of {@link BackpressureITCase}: pushes {@code records} records of 1 KB from a
 * fast source through a slow sink at parallelism 2, then prints what arrived and the largest live
 * heap it saw, and exits 0 only if every record arrived.
 *
 * <p>The live heap is sampled by a monitor thread that runs a full GC and then reads the heap in
 * use, so the number is the retained data (queues, buffers), not garbage awaiting collection.
 */
public final class BackpressureJob {

    static final String RECORDS = "RECORDS=";
    static final String PEAK_LIVE_HEAP = "PEAK_LIVE_HEAP_BYTES=";
    static final String SAMPLES = "HEAP_SAMPLES=";

    private static final AtomicLong RECEIVED = new AtomicLong();
    private static final AtomicLong RECEIVED_BYTES = new AtomicLong();

    private BackpressureJob() {}

    /** Sleeps 1 ms after every 1000 records, so the source outpaces it by far. */
    static final class SlowSink implements SinkFunction<String> {
        private long count;

        @Override
        public void invoke(String value, Context context) throws InterruptedException {
            RECEIVED.incrementAndGet();
            RECEIVED_BYTES.addAndGet(value.length());
            if (++count % 1_000 == 0) {
                Thread.sleep(1);
            }
        }
    }

    /** A 1 KB record that carries its index. */
    static String record(long index) {
        StringBuilder sb = new StringBuilder(1_024);
        sb.append(index).append(':');
        while (sb.length() < 1_024) {
            sb.append((char) ('a' + sb.length() % 26));
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        Thread monitor =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                System.gc();
                                long used = memory.getHeapMemoryUsage().getUsed();
                                peak.accumulateAndGet(used, Math::max);
                                samples.incrementAndGet();
                                try {
                                    Thread.sleep(200);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "heap-monitor");
        monitor.setDaemon(true);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSource(
                        new DataGeneratorSource<>(BackpressureJob::record, records, Types.STRING),
                        WatermarkStrategy.noWatermarks(),
                        "fast source")
                .rebalance()
                .addSink(new SlowSink())
                .name("slow sink");
        monitor.start();
        env.execute("backpressure");
        monitor.interrupt();
        monitor.join();

        System.out.println(RECORDS + RECEIVED.get());
        System.out.println(PEAK_LIVE_HEAP + peak.get());
        System.out.println(SAMPLES + samples.get());
        boolean complete = RECEIVED.get() == records && RECEIVED_BYTES.get() >= records * 1_024;
        System.exit(complete ? 0 : 2);
    }
}
