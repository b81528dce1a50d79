package dev.brook.connector.file.src.reader;

import dev.brook.api.java.typeutils.ResultTypeQueryable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/** Decodes records from a file's byte stream, one after another. */
public interface StreamFormat<T> extends Serializable, ResultTypeQueryable<T> {

    Reader<T> createReader(InputStream stream) throws IOException;

    /** Reads records; returns null at the end of the stream. */
    interface Reader<T> extends AutoCloseable {
        T read() throws IOException;

        @Override
        void close() throws IOException;
    }
}
