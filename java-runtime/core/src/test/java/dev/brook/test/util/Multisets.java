package dev.brook.test.util;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares collections as multisets: equal iff every element occurs equally often in both. A
 * failure lists what is missing and what is unexpected (lost, duplicated or foreign records), which
 * says far more than a diff of two long lists.
 */
public final class Multisets {

    private static final int SHOWN = 20;

    private Multisets() {}

    public static <T> Map<T, Integer> counts(Collection<? extends T> values) {
        Map<T, Integer> counts = new HashMap<>();
        for (T v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        return counts;
    }

    /** Fails unless {@code actual} and {@code expected} hold the same elements, counted. */
    public static <T> void assertSameMultiset(
            Collection<? extends T> actual, Collection<? extends T> expected) {
        Map<T, Integer> remaining = counts(expected);
        List<T> unexpected = new ArrayList<>();
        for (T v : actual) {
            Integer n = remaining.get(v);
            if (n == null) {
                unexpected.add(v);
            } else if (n == 1) {
                remaining.remove(v);
            } else {
                remaining.put(v, n - 1);
            }
        }
        if (unexpected.isEmpty() && remaining.isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        remaining.forEach((v, n) -> missing.add(n == 1 ? String.valueOf(v) : v + " (x" + n + ")"));
        fail(
                "Expected %d records, got %d.%n  missing (%d): %s%n  unexpected or duplicated"
                        + " (%d): %s",
                expected.size(),
                actual.size(),
                missing.size(),
                head(missing),
                unexpected.size(),
                head(unexpected));
    }

    private static String head(List<?> values) {
        return values.size() <= SHOWN
                ? values.toString()
                : values.subList(0, SHOWN) + " ... and " + (values.size() - SHOWN) + " more";
    }
}
