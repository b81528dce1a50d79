package dev.brook.runtime.jobmaster;

import java.util.ArrayList;
import java.util.List;

/**
 * Which subtasks a pointwise edge connects. With equal parallelism subtask i talks to subtask i.
 * With fewer producers than consumers each consumer reads one producer and each producer feeds a
 * contiguous range of consumers; with more producers, the other way round.
 */
final class Pointwise {

    private Pointwise() {}

    /** Consumer subtasks fed by producer {@code p}, in subpartition order. */
    static List<Integer> consumersOf(int p, int producers, int consumers) {
        if (producers > consumers) {
            return List.of((int) ((long) p * consumers / producers));
        }
        List<Integer> result = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            if ((long) c * producers / consumers == p) {
                result.add(c);
            }
        }
        return result;
    }

    /** Producer subtasks read by consumer {@code c}, in channel order. */
    static List<Integer> producersOf(int c, int producers, int consumers) {
        if (producers <= consumers) {
            return List.of((int) ((long) c * producers / consumers));
        }
        List<Integer> result = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            if ((long) p * consumers / producers == c) {
                result.add(p);
            }
        }
        return result;
    }
}
