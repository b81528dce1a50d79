package dev.brook.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/**
 * A writer that hands over what it has written so far, pre-committed, when a checkpoint barrier
 * passes (and at the end of input): the first phase of a two-phase commit.
 */
public interface CommittingSinkWriter<InputT, CommittableT> extends SinkWriter<InputT> {

    /** What was written since the last call, ready to be committed. */
    Collection<CommittableT> prepareCommit() throws IOException, InterruptedException;
}
