package dev.brook.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/**
 * Makes pre-committed output visible: the second phase of a two-phase commit, called when the
 * checkpoint the committables belong to is complete, and again after a restore for committables the
 * restored checkpoint still held. Committing must therefore be idempotent.
 */
public interface Committer<CommT> extends AutoCloseable {

    void commit(Collection<CommitRequest<CommT>> committables)
            throws IOException, InterruptedException;

    /** One committable to commit, and how the committer reports what became of it. */
    interface CommitRequest<CommT> {

        CommT getCommittable();

        /** How often this committable was handed back with {@link #retryLater} before. */
        int getNumberOfRetries();

        /** Fails the job: the committable cannot be committed, for the given reason. */
        void signalFailedWithKnownReason(Throwable t);

        /** Fails the job: the committable cannot be committed, for an unknown reason. */
        void signalFailedWithUnknownReason(Throwable t);

        /** Try again with the next completed checkpoint. */
        void retryLater();

        /** Try again later with an updated committable. */
        void updateAndRetryLater(CommT committable);

        /** It had been committed already (e.g. before a failure). */
        void signalAlreadyCommitted();
    }
}
