package dev.brook.api.connector.sink2;

import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Collection;

/** A sink whose writers keep state in checkpoints and are restored from it after a failure. */
public interface SupportsWriterState<InputT, WriterStateT> {

    /** A writer that resumes from the state its predecessors saved ({@code recoveredState}). */
    StatefulSinkWriter<InputT, WriterStateT> restoreWriter(
            WriterInitContext context, Collection<WriterStateT> recoveredState) throws IOException;

    SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();
}
