package dev.brook.connector.file.src.util;

import java.io.Serializable;

/**
 * Where a file reader resumes: at a byte offset, then after dropping a number of records. A reader
 * that can tell where its next record starts reports the offset and no records; one that cannot
 * reports {@link #NO_OFFSET} and the records it returned, which a restore reads again and drops.
 */
public final class CheckpointedPosition implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No offset: the records are counted from the start of the file. */
    public static final long NO_OFFSET = -1L;

    private final long offset;
    private final long recordsAfterOffset;

    public CheckpointedPosition(long offset, long recordsAfterOffset) {
        if (offset < NO_OFFSET || recordsAfterOffset < 0) {
            throw new IllegalArgumentException(
                    "A position needs an offset >= 0 (or NO_OFFSET) and records >= 0, got offset "
                            + offset
                            + " and "
                            + recordsAfterOffset
                            + " records");
        }
        this.offset = offset;
        this.recordsAfterOffset = recordsAfterOffset;
    }

    public long getOffset() {
        return offset;
    }

    public long getRecordsAfterOffset() {
        return recordsAfterOffset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointedPosition p
                && p.offset == offset
                && p.recordsAfterOffset == recordsAfterOffset;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Long.hashCode(recordsAfterOffset);
    }

    @Override
    public String toString() {
        return "CheckpointedPosition{offset=" + offset + ", records=" + recordsAfterOffset + "}";
    }
}
