package dev.brook.connector.file.sink;

import dev.brook.api.connector.sink2.Committer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Makes pending part files visible by renaming them to their final names. Idempotent: a file
 * already renamed (committed before a failure) is left as it is.
 */
final class FileCommitter implements Committer<FileSinkCommittable> {

    @Override
    public void commit(Collection<CommitRequest<FileSinkCommittable>> requests) throws IOException {
        for (CommitRequest<FileSinkCommittable> request : requests) {
            FileSinkCommittable c = request.getCommittable();
            Path pending = Path.of(c.pendingFile());
            Path target = Path.of(c.targetFile());
            if (Files.exists(pending)) {
                Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.exists(target)) {
                request.signalAlreadyCommitted();
            } else {
                request.signalFailedWithKnownReason(
                        new IOException(
                                "Part file "
                                        + target
                                        + " cannot be committed: neither it nor its pending file "
                                        + pending
                                        + " exists (deleted outside the job?)"));
            }
        }
    }

    @Override
    public void close() {}
}
