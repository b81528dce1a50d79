package dev.brook.api.common;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

/** A job's identity: 16 random bytes, written as 32 lowercase hex digits like Flink's. */
public final class JobID implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Random RANDOM = new SecureRandom();

    private final long upper;
    private final long lower;

    public JobID(long upper, long lower) {
        this.upper = upper;
        this.lower = lower;
    }

    public static JobID generate() {
        return new JobID(RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** Parses the 32-hex-digit form; throws with the offending text when it is malformed. */
    public static JobID fromHexString(String hex) {
        if (hex == null
                || hex.length() != 32
                || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(
                    "Not a job id: '" + hex + "'. A job id is 32 hexadecimal digits.");
        }
        return new JobID(
                Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
    }

    public String toHexString() {
        HexFormat hf = HexFormat.of();
        return hf.toHexDigits(upper) + hf.toHexDigits(lower);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobID other && other.upper == upper && other.lower == lower;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(upper) * 31 + Long.hashCode(lower);
    }

    @Override
    public String toString() {
        return toHexString();
    }
}
