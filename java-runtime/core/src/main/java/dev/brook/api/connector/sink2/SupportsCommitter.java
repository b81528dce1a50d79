package dev.brook.api.connector.sink2;

import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.IOException;

/**
 * A sink whose writer prepares committables ({@link CommittingSinkWriter}) that a {@link Committer}
 * makes visible once the checkpoint they belong to is complete: a two-phase commit, for
 * exactly-once output.
 */
public interface SupportsCommitter<CommittableT> {

    Committer<CommittableT> createCommitter(CommitterInitContext context) throws IOException;

    /** Committables are kept in checkpoints until they are committed. */
    SimpleVersionedSerializer<CommittableT> getCommittableSerializer();
}
