package dev.brook.api.connector.sink2;

import dev.brook.api.common.eventtime.Watermark;
import java.io.IOException;

/**
 * Writes the records of one parallel sink instance.
 *
 * <p>Lifecycle: {@link #write} per record; {@link #flush} with {@code endOfInput = true} once when
 * the input has ended; {@link #close} once, always. All calls come from the task thread.
 */
public interface SinkWriter<InputT> extends AutoCloseable {

    void write(InputT element, Context context) throws IOException, InterruptedException;

    void flush(boolean endOfInput) throws IOException, InterruptedException;

    default void writeWatermark(Watermark watermark) throws IOException, InterruptedException {}

    /** Facts about the record being written. */
    interface Context {
        long currentWatermark();

        /** The record's timestamp, or null if it has none. */
        Long timestamp();
    }
}
