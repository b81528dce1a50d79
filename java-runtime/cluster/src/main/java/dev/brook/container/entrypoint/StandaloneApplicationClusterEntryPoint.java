package dev.brook.container.entrypoint;

import dev.brook.api.common.JobID;
import dev.brook.client.deployment.application.ApplicationRunner;
import dev.brook.client.program.PackagedProgram;
import dev.brook.configuration.Configuration;
import dev.brook.runtime.entrypoint.ClusterEntrypoint;
import dev.brook.runtime.entrypoint.ClusterEntrypointArgs;
import dev.brook.runtime.jobmaster.JobResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/standalone-job.sh start --job-classname X}: application mode. A JobManager whose only
 * purpose is one program: the program's {@code main} runs here, its jobs run on the TaskManagers
 * that register, and the JobManager ends when the jobs have ended (exit code 0 if they all
 * finished, 1 otherwise).
 *
 * <p>The program's code comes from {@code --jars <jar>}, else the one jar in the distribution's
 * {@code usrlib/} directory, else Brook's class path.
 */
public final class StandaloneApplicationClusterEntryPoint {

    private static final Logger LOG =
            LoggerFactory.getLogger(StandaloneApplicationClusterEntryPoint.class);

    private StandaloneApplicationClusterEntryPoint() {}

    public static void main(String[] args) {
        ClusterEntrypoint cluster = null;
        int exitCode;
        try {
            ClusterEntrypointArgs parsed = ClusterEntrypointArgs.parse(args);
            if (parsed.jobClassName() == null) {
                throw new IllegalArgumentException(
                        "Application mode needs the program's main class: --job-classname <class>");
            }
            Configuration conf = parsed.configuration();
            PackagedProgram program = program(parsed);
            cluster = new ClusterEntrypoint(conf);
            ClusterEntrypoint started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "brook-shutdown"));
            cluster.start();
            List<JobID> jobs = ApplicationRunner.run(cluster.getDispatcher(), program, conf);
            exitCode = 0;
            for (JobID job : jobs) {
                JobResult result = cluster.getDispatcher().requestJobResult(job).get();
                LOG.info("Job {} of the application ended: {}", job, result);
                if (!result.isSuccess()) {
                    exitCode = 1;
                }
            }
        } catch (Exception e) {
            LOG.error("The application failed", e);
            System.err.println("The application failed: " + e.getMessage());
            exitCode = 1;
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
        System.exit(exitCode);
    }

    private static PackagedProgram program(ClusterEntrypointArgs args) throws Exception {
        List<Path> jars = args.jars();
        if (jars.isEmpty()) {
            jars = usrlibJars();
        }
        if (jars.size() > 1) {
            throw new IllegalArgumentException(
                    "Application mode takes one jar with the program's code, got " + jars);
        }
        if (jars.size() == 1) {
            File jar = jars.get(0).toFile();
            if (!jar.isFile()) {
                throw new IllegalArgumentException("The job's jar does not exist: " + jar);
            }
            return PackagedProgram.load(jar, args.jobClassName(), args.programArgs());
        }
        return PackagedProgram.fromClassPath(
                args.jobClassName(),
                args.programArgs(),
                StandaloneApplicationClusterEntryPoint.class.getClassLoader());
    }

    private static List<Path> usrlibJars() throws IOException {
        String home = System.getProperty("brook.home");
        if (home == null) {
            return List.of();
        }
        Path usrlib = Path.of(home, "usrlib");
        if (!Files.isDirectory(usrlib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(usrlib)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
