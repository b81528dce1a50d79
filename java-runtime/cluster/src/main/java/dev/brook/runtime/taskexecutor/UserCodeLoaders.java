package dev.brook.runtime.taskexecutor;

import dev.brook.api.common.JobID;
import dev.brook.runtime.entrypoint.JobManagerGateway;
import dev.brook.util.FileUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A TaskManager's class loaders for its jobs' user code: the first task of a job fetches the job's
 * jars from the JobManager into a local directory; later tasks of the job share the loader. A job
 * without jars (its code on Brook's class path) uses Brook's own loader.
 *
 * <p>Threading model: thread-safe; a job's jars are fetched once.
 */
final class UserCodeLoaders implements AutoCloseable {

    private static final long FETCH_TIMEOUT_S = 120;

    private final Path directory;
    private final Supplier<JobManagerGateway> jobManager;
    private final Map<JobID, ClassLoader> loaders = new ConcurrentHashMap<>();

    UserCodeLoaders(Path directory, Supplier<JobManagerGateway> jobManager) {
        this.directory = directory;
        this.jobManager = jobManager;
    }

    ClassLoader get(JobID jobId) {
        return loaders.computeIfAbsent(jobId, this::load);
    }

    Iterable<ClassLoader> all() {
        return loaders.values();
    }

    private ClassLoader load(JobID jobId) {
        List<JobManagerGateway.UserJar> jars;
        try {
            jars = jobManager.get().requestUserJars(jobId).get(FETCH_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not fetch the jar files of job " + jobId + " from the JobManager", e);
        }
        if (jars.isEmpty()) {
            return UserCodeLoaders.class.getClassLoader();
        }
        try {
            Path jobDir = Files.createDirectories(directory.resolve(jobId.toString()));
            List<URL> urls = new ArrayList<>();
            for (JobManagerGateway.UserJar jar : jars) {
                Path file = jobDir.resolve(Path.of(jar.name()).getFileName().toString());
                Files.write(file, jar.content());
                urls.add(toUrl(file));
            }
            return new URLClassLoader(
                    "job-" + jobId,
                    urls.toArray(URL[]::new),
                    UserCodeLoaders.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not store the jar files of job " + jobId + " under " + directory, e);
        }
    }

    private static URL toUrl(Path file) throws MalformedURLException {
        return file.toUri().toURL();
    }

    /** The job is over on this TaskManager: its loader and jars go. */
    void release(JobID jobId) {
        ClassLoader loader = loaders.remove(jobId);
        if (loader instanceof URLClassLoader u) {
            try {
                u.close();
            } catch (IOException e) {
                // the files are deleted below anyway
            }
        }
        FileUtils.deleteDirectoryQuietly(directory.resolve(jobId.toString()));
    }

    @Override
    public void close() {
        for (JobID id : List.copyOf(loaders.keySet())) {
            release(id);
        }
        FileUtils.deleteDirectoryQuietly(directory);
    }
}
