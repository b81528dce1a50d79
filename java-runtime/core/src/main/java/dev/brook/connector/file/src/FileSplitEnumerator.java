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
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the files under the source's paths and hands them out one per request. In continuous mode
 * it re-scans periodically and serves readers that are waiting as soon as new files appear.
 */
final class FileSplitEnumerator
        implements SplitEnumerator<FileSourceSplit, Collection<FileSourceSplit>> {

    private final SplitEnumeratorContext<FileSourceSplit> context;
    private final List<Path> paths;
    private final java.time.Duration discoveryInterval;
    private final ArrayDeque<FileSourceSplit> pending = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private final LinkedHashSet<Integer> waitingReaders = new LinkedHashSet<>();

    FileSplitEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context,
            List<Path> paths,
            java.time.Duration discoveryInterval,
            Collection<FileSourceSplit> restored) {
        this.context = context;
        this.paths = paths;
        this.discoveryInterval = discoveryInterval;
        for (FileSourceSplit s : restored) {
            pending.add(s);
            seen.add(s.path());
        }
    }

    @Override
    public void start() {
        if (seen.isEmpty()) {
            addNewFiles(enumerate());
        }
        if (discoveryInterval != null) {
            long ms = discoveryInterval.toMillis();
            context.callAsync(this::enumerate, this::onDiscovered, ms, ms);
        }
    }

    private void onDiscovered(List<String> files, Throwable error) {
        if (error != null) {
            throw new UncheckedIOException(
                    "Could not list the input paths " + paths,
                    error instanceof IOException io ? io : new IOException(error));
        }
        addNewFiles(files);
        while (!waitingReaders.isEmpty() && !pending.isEmpty()) {
            int reader = waitingReaders.iterator().next();
            waitingReaders.remove(reader);
            context.assignSplit(pending.poll(), reader);
        }
    }

    private void addNewFiles(List<String> files) {
        for (String f : files) {
            if (seen.add(f)) {
                pending.add(new FileSourceSplit("file-" + seen.size(), f, 0));
            }
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
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public Collection<FileSourceSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(pending);
    }

    @Override
    public void close() {}
}
