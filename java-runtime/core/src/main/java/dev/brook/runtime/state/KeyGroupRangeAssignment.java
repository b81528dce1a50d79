package dev.brook.runtime.state;

/**
 * Maps keys to key groups and key groups to parallel subtasks. Key groups are the unit in which
 * keyed state is stored and moved on rescale: a key's group never changes as long as the maximum
 * parallelism stays the same.
 */
public final class KeyGroupRangeAssignment {

    public static final int DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 128;
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    private KeyGroupRangeAssignment() {}

    public static int assignKeyToParallelOperator(Object key, int maxParallelism, int parallelism) {
        return computeOperatorIndexForKeyGroup(
                maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
    }

    public static int assignToKeyGroup(Object key, int maxParallelism) {
        if (key == null) {
            throw new NullPointerException(
                    "A key selector returned null. Keys must not be null; map missing keys to a"
                            + " placeholder value instead.");
        }
        return computeKeyGroupForKeyHash(key.hashCode(), maxParallelism);
    }

    public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
        return Math.floorMod(murmurMix(keyHash), maxParallelism);
    }

    public static int computeOperatorIndexForKeyGroup(
            int maxParallelism, int parallelism, int keyGroupId) {
        return keyGroupId * parallelism / maxParallelism;
    }

    /** The key groups owned by {@code operatorIndex} of {@code parallelism} subtasks. */
    public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(
            int maxParallelism, int parallelism, int operatorIndex) {
        int start = (operatorIndex * maxParallelism + parallelism - 1) / parallelism;
        int end = ((operatorIndex + 1) * maxParallelism - 1) / parallelism;
        return new KeyGroupRange(start, end);
    }

    /** Max parallelism chosen when the user sets none: 1.5x parallelism, as a power of two. */
    public static int computeDefaultMaxParallelism(int parallelism) {
        int target = Integer.highestOneBit(Math.max(1, parallelism + parallelism / 2) - 1) << 1;
        return Math.min(
                Math.max(target, DEFAULT_LOWER_BOUND_MAX_PARALLELISM), UPPER_BOUND_MAX_PARALLELISM);
    }

    /** Murmur3's 32-bit finalizer over the key's hash, so poor hash codes still spread evenly. */
    static int murmurMix(int code) {
        code *= 0xcc9e2d51;
        code = Integer.rotateLeft(code, 15);
        code *= 0x1b873593;
        code = Integer.rotateLeft(code, 13);
        code = code * 5 + 0xe6546b64;
        code ^= 4;
        code ^= code >>> 16;
        code *= 0x85ebca6b;
        code ^= code >>> 13;
        code *= 0xc2b2ae35;
        code ^= code >>> 16;
        return code;
    }
}
