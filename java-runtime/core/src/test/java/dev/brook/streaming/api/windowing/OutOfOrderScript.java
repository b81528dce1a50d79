package dev.brook.streaming.api.windowing;

import dev.brook.api.java.tuple.Tuple3;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Out-of-order input for several source splits, in rounds: per split and round the records {@code
 * (key, timestamp, id)} in emission order, and after each round the watermark that every split
 * emits. Each split has keys of its own, so the records of one key reach the window operator in the
 * order written here, whatever the interleaving of splits.
 *
 * <p>Each round advances time by {@link #STEP}. Most records are within {@link #DISORDER} of the
 * round's time; one in six is far behind ({@link #BOUND} to {@code BOUND + 80}), so it is on time,
 * admitted only by allowed lateness, or late, depending on its windows. Keys are bursty (active
 * three rounds, quiet three), so sessions form and end. The watermark after a round is the
 * bounded-out-of-orderness watermark ({@code max timestamp - BOUND - 1}) of the slowest split.
 */
final class OutOfOrderScript implements Serializable {

    private static final long serialVersionUID = 1L;

    static final long STEP = 10;
    static final long DISORDER = 12;
    static final long BOUND = 20;
    static final int KEYS_PER_SPLIT = 3;
    static final int RECORDS_PER_ROUND = 9;

    /** [split][round] the records, in emission order. */
    final List<List<List<Tuple3<String, Long, Integer>>>> records;

    /** [round] the watermark all splits emit after the round. */
    final long[] watermarks;

    private OutOfOrderScript(
            List<List<List<Tuple3<String, Long, Integer>>>> records, long[] watermarks) {
        this.records = records;
        this.watermarks = watermarks;
    }

    int splits() {
        return records.size();
    }

    int rounds() {
        return watermarks.length;
    }

    static OutOfOrderScript generate(int splits, int rounds, long seed) {
        Random random = new Random(seed);
        List<List<List<Tuple3<String, Long, Integer>>>> records = new ArrayList<>();
        long[] maxTimestamps = new long[splits];
        long[] watermarks = new long[rounds];
        for (int s = 0; s < splits; s++) {
            records.add(new ArrayList<>());
        }
        int id = 0;
        for (int r = 0; r < rounds; r++) {
            long now = r * STEP;
            long watermark = Long.MAX_VALUE;
            for (int s = 0; s < splits; s++) {
                List<Tuple3<String, Long, Integer>> round = new ArrayList<>();
                for (int i = 0; i < RECORDS_PER_ROUND; i++) {
                    long ts;
                    int key;
                    if (random.nextInt(6) == 0) {
                        ts = now - BOUND - random.nextInt(80);
                        key = random.nextInt(KEYS_PER_SPLIT);
                    } else {
                        ts = now - DISORDER + random.nextInt((int) (DISORDER + STEP));
                        key = activeKey(r, random);
                    }
                    ts = Math.max(0, ts);
                    round.add(Tuple3.of("s" + s + "k" + key, ts, id++));
                    maxTimestamps[s] = Math.max(maxTimestamps[s], ts);
                }
                records.get(s).add(round);
                watermark = Math.min(watermark, maxTimestamps[s] - BOUND - 1);
            }
            watermarks[r] = r == 0 ? watermark : Math.max(watermarks[r - 1], watermark);
        }
        return new OutOfOrderScript(records, watermarks);
    }

    /** Keys 0 and 2 are active in even phases of three rounds, key 1 in odd ones. */
    private static int activeKey(int round, Random random) {
        boolean evenPhase = (round / 3) % 2 == 0;
        return evenPhase ? 2 * random.nextInt(2) : 1;
    }
}
