package dev.brook.api.connector.sink2;

import java.io.IOException;
import java.util.List;

/** A writer with state of its own (e.g. files being written) that checkpoints must keep. */
public interface StatefulSinkWriter<InputT, WriterStateT> extends SinkWriter<InputT> {

    List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
