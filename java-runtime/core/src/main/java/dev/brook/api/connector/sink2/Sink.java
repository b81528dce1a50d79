package dev.brook.api.connector.sink2;

import java.io.IOException;
import java.io.Serializable;

/** A data sink: each parallel instance gets its own {@link SinkWriter}. */
public interface Sink<InputT> extends Serializable {
    SinkWriter<InputT> createWriter(WriterInitContext context) throws IOException;
}
