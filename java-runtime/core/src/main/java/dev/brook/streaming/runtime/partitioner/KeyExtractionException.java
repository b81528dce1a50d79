package dev.brook.streaming.runtime.partitioner;

/** The key selector of a {@code keyBy} threw for a record. */
public final class KeyExtractionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyExtractionException(Object record, Throwable cause) {
        super(
                "Could not extract the key from record '" + abbreviate(record) + "': " + cause,
                cause);
    }

    private static String abbreviate(Object record) {
        String s = String.valueOf(record);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
