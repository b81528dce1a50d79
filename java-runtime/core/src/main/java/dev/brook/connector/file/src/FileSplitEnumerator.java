package dev.brook.connector.file.src;

import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.core.fs.Path;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the files under the source's paths and hands them out one per request. In continuous mode
 * it re-scans periodically and serves readers that are waiting as soon as new files appear.
 *
 * <p>Its checkpoint holds the splits not handed out yet and, in continuous mode, every path seen so
 * far. A restored enumerator therefore does not list the paths at its start: a bounded one has all
 * its files in the checkpoint already, and a continuous one skips the paths it has seen.
 */
final class FileSplitEnumerator
        implements SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> {

    private static final Logger LOG = LoggerFactory.getLogger(FileSplitEnumerator.class);

    private final SplitEnumeratorContext<FileSourceSplit> context;
    private final List<Path> paths;
    private final java.time.Duration discoveryInterval;
    private final boolean restored;
    private final ArrayDeque<FileSourceSplit> pending = new ArrayDeque<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final LinkedHashSet<Integer> waitingReaders = new LinkedHashSet<>();

    /**
     * @param discoveryInterval how often to list the paths again; null for a bounded source
     * @param checkpoint what to resume from; null for a new source
     */
    FileSplitEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context,
            List<Path> paths,
            java.time.Duration discoveryInterval,
            PendingSplitsCheckpoint<FileSourceSplit> checkpoint) {
        this.context = context;
        this.paths = paths;
        this.discoveryInterval = discoveryInterval;
        this.restored = checkpoint != null;
        if (restored) {
            for (Path p : checkpoint.getAlreadyProcessedPaths()) {
                seen.add(p.toString());
            }
            for (FileSourceSplit s : checkpoint.getSplits()) {
                pending.add(s);
                seen.add(s.path());
            }
        }
    }

    @Override
    public void start() {
        if (!restored) {
            addNewFiles(enumerate());
        }
        if (discoveryInterval != null) {
            long ms = discoveryInterval.toMillis();
            context.callAsync(this::enumerate, this::onDiscovered, ms, ms);
        }
    }

    /**
     * A periodic listing that failed (a file vanished mid-walk, as writers' temporary files do, or
     * the path is gone for now) is logged and tried again at the next interval, as in Flink; only
     * the first listing, at start, fails the job.
     */
    private void onDiscovered(List<String> files, Throwable error) {
        if (error != null) {
            LOG.warn("Could not list the input paths {}; trying again later", paths, error);
            return;
        }
        addNewFiles(files);
        assignToWaitingReaders();
    }

    private void addNewFiles(List<String> files) {
        for (String f : files) {
            if (seen.add(f)) {
                pending.add(new FileSourceSplit("file-" + seen.size(), f));
            }
        }
    }

    private void assignToWaitingReaders() {
        while (!waitingReaders.isEmpty() && !pending.isEmpty()) {
            int reader = waitingReaders.iterator().next();
            waitingReaders.remove(reader);
            context.assignSplit(pending.poll(), reader);
        }
    }

    /** Lists all files under the paths, sorted; a missing path is an error naming it. */
    List<String> enumerate() {
        List<String> files = new ArrayList<>();
        for (Path p : paths) {
            java.nio.file.Path nio = p.toNioPath();
            if (!Files.exists(nio)) {
                throw new UncheckedIOException(
                        new FileNotFoundException(
                                "Input path '"
                                        + p
                                        + "' does not exist (resolved to "
                                        + nio.toAbsolutePath()
                                        + ")."));
            }
            if (Files.isDirectory(nio)) {
                try (Stream<java.nio.file.Path> walk = Files.walk(nio)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !isHidden(nio, f))
                            .map(f -> f.toAbsolutePath().toString())
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not list directory '" + p + "'", e);
                }
            } else {
                files.add(nio.toAbsolutePath().toString());
            }
        }
        return files;
    }

    private static boolean isHidden(java.nio.file.Path root, java.nio.file.Path file) {
        for (java.nio.file.Path part : root.relativize(file)) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        FileSourceSplit next = pending.poll();
        if (next != null) {
            context.assignSplit(next, subtaskId);
        } else if (discoveryInterval == null) {
            context.signalNoMoreSplits(subtaskId);
        } else {
            waitingReaders.add(subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<FileSourceSplit> splits, int subtaskId) {
        pending.addAll(splits);
        assignToWaitingReaders();
    }

    @Override
    public void addReader(int subtaskId) {}

    /** The pending splits; in continuous mode also the paths seen, which only it lists again. */
    @Override
    public PendingSplitsCheckpoint<FileSourceSplit> snapshotState(long checkpointId) {
        if (discoveryInterval == null) {
            return PendingSplitsCheckpoint.fromCollectionSnapshot(pending);
        }
        List<Path> processed = new ArrayList<>(seen.size());
        for (String f : seen) {
            processed.add(new Path(f));
        }
        return PendingSplitsCheckpoint.fromCollectionSnapshot(pending, processed);
    }

    @Override
    public void close() {}
}
