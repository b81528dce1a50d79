package dev.brook.configuration;

import java.io.Serializable;
import java.util.Locale;

/** A number of bytes, parsed from {@code 1024}, {@code 64k}, {@code 512m}, {@code 1g}. */
public final class MemorySize implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long bytes;

    public MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("A memory size cannot be negative: " + bytes);
        }
        this.bytes = bytes;
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(mebiBytes << 20);
    }

    public long getBytes() {
        return bytes;
    }

    public long getMebiBytes() {
        return bytes >> 20;
    }

    public static MemorySize parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException(
                    "A memory size starts with a number: '" + text + "'");
        }
        long value = Long.parseLong(s.substring(0, i));
        String unit = s.substring(i).trim();
        long multiplier =
                switch (unit) {
                    case "", "b", "bytes" -> 1L;
                    case "k", "kb", "kib", "kibibytes" -> 1L << 10;
                    case "m", "mb", "mib", "mebibytes" -> 1L << 20;
                    case "g", "gb", "gib", "gibibytes" -> 1L << 30;
                    case "t", "tb", "tib", "tebibytes" -> 1L << 40;
                    default ->
                            throw new IllegalArgumentException(
                                    "Unknown memory unit '" + unit + "' in '" + text + "'");
                };
        return new MemorySize(Math.multiplyExact(value, multiplier));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemorySize m && m.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes + " bytes";
    }
}
