package dev.brook.connector.file.src.reader;

import dev.brook.api.java.typeutils.ResultTypeQueryable;
import dev.brook.connector.file.src.util.CheckpointedPosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * Decodes records from a file's byte stream, one after another.
 *
 * <p>Checkpoints: a reader that knows the byte offset where its next record starts reports it
 * through {@link Reader#getCheckpointedPosition}, and a restore opens the file at that offset with
 * {@link #restoreReader}. A reader that does not is restored by reading the file again from its
 * start and dropping the records it had returned.
 */
public interface StreamFormat<T> extends Serializable, ResultTypeQueryable<T> {

    /** A reader of a file from its start. */
    Reader<T> createReader(InputStream stream) throws IOException;

    /**
     * A reader of a stream already positioned at {@code restoredOffset}, an offset an earlier
     * reader reported in its {@link CheckpointedPosition}. The new reader reports offsets counted
     * from the file's start, as the earlier one did. Only formats whose readers report offsets are
     * restored this way, so only they need to implement it.
     */
    default Reader<T> restoreReader(InputStream stream, long restoredOffset) throws IOException {
        throw new UnsupportedOperationException(
                getClass().getName()
                        + " reports reader positions with an offset but does not implement"
                        + " restoreReader, so it cannot resume at offset "
                        + restoredOffset);
    }

    /** Reads records; returns null at the end of the stream. */
    interface Reader<T> extends AutoCloseable {
        T read() throws IOException;

        /**
         * Where the record the next {@link #read} returns starts, or null if this reader does not
         * know; then its position is the number of records it has returned. Called only when a
         * checkpoint is taken, not per record.
         */
        default CheckpointedPosition getCheckpointedPosition() {
            return null;
        }

        @Override
        void close() throws IOException;
    }
}
