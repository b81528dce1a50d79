package dev.brook.bench.common;

/**
 * The deterministic text the WordCount benchmark counts: a vocabulary of {@value #SIZE} distinct
 * words, and lines of {@value #WORDS_PER_LINE} words each where the word at global position {@code
 * i} is {@code word(wordIndex(i))}.
 *
 * <p>The text is generated inside the job (a sequence of line numbers mapped through {@link
 * #line}), so the benchmark measures the engine and not file or network input. Every third word is
 * capitalised and words are separated by a mix of spaces and punctuation, so the tokenizer's
 * lower-casing and {@code \W+} split both do real work. Engine-neutral: used by the Brook and the
 * Flink side alike.
 */
public final class Vocabulary {

    public static final int SIZE = 10_000;
    public static final int WORDS_PER_LINE = 10;

    private static final String[] WORDS = buildWords();
    private static final String SUFFIX_LETTERS = "streaming";

    private Vocabulary() {}

    /** The word with index {@code 0 <= index < SIZE}; distinct indexes give distinct words. */
    public static String word(int index) {
        return WORDS[index];
    }

    /**
     * The vocabulary index of the word at global position {@code position}: a 64-bit hash mix
     * (SplitMix64's finaliser) of the position, so words are spread uniformly and reproducibly.
     */
    public static int wordIndex(long position) {
        long z = position + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) ((z >>> 1) % SIZE);
    }

    /**
     * Line number {@code lineIndex}: the words at positions {@code lineIndex * WORDS_PER_LINE ..}.
     */
    public static String line(long lineIndex) {
        StringBuilder line = new StringBuilder(WORDS_PER_LINE * 10);
        long first = lineIndex * WORDS_PER_LINE;
        for (int k = 0; k < WORDS_PER_LINE; k++) {
            if (k > 0) {
                line.append(k % 4 == 0 ? ", " : " ");
            }
            line.append(WORDS[wordIndex(first + k)]);
        }
        return line.append('.').toString();
    }

    /**
     * What a running per-word count over the first {@code words} positions emits in total: each
     * word seen {@code n} times emits the counts {@code 1..n}, so the sum of all emitted counts is
     * {@code sum(n * (n + 1) / 2)}. It does not depend on parallelism or record order, which makes
     * it a checksum both engines must reproduce.
     */
    public static long expectedRunningCountSum(long words) {
        long[] occurrences = new long[SIZE];
        for (long position = 0; position < words; position++) {
            occurrences[wordIndex(position)]++;
        }
        long sum = 0;
        for (long n : occurrences) {
            sum += n * (n + 1) / 2;
        }
        return sum;
    }

    /**
     * What a final per-word count over the first {@code words} positions emits: one count per
     * distinct word, adding up to {@code words}.
     */
    public static Expectation finalCounts(long words) {
        boolean[] seen = new boolean[SIZE];
        long distinct = 0;
        for (long position = 0; position < words; position++) {
            int word = wordIndex(position);
            if (!seen[word]) {
                seen[word] = true;
                distinct++;
            }
        }
        return new Expectation(distinct, words);
    }

    private static String[] buildWords() {
        String[] words = new String[SIZE];
        for (int i = 0; i < SIZE; i++) {
            // Three base-26 letters make the word unique (SIZE <= 26^3); a suffix of 0..5 letters
            // varies the length like real text does.
            StringBuilder word = new StringBuilder(9);
            int rest = i;
            for (int d = 0; d < 3; d++) {
                word.append((char) ('a' + rest % 26));
                rest /= 26;
            }
            word.append(SUFFIX_LETTERS, 0, i % 6);
            if (i % 3 == 0) {
                word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
            }
            words[i] = word.toString();
        }
        return words;
    }
}
