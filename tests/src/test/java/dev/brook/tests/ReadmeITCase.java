package dev.brook.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every {@code bin/flink} command shown in the README runs and succeeds. */
class ReadmeITCase {

    static List<String> readmeCommands() throws Exception {
        List<String> commands = new ArrayList<>();
        boolean inShell = false;
        for (String line : Files.readAllLines(BrookDistribution.home().resolve("README.md"))) {
            if (line.startsWith("```")) {
                inShell = !inShell && line.trim().equals("```sh");
                continue;
            }
            if (inShell && line.startsWith("bin/flink ")) {
                commands.add(line);
            }
        }
        return commands;
    }

    @Test
    void readmeCommandsRun() throws Exception {
        List<String> commands = readmeCommands();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(3);
        Path output = Path.of("/tmp/brook-wordcount");
        deleteRecursively(output);
        for (String command : commands) {
            Process p =
                    new ProcessBuilder("bash", "-c", command)
                            .directory(BrookDistribution.home().toFile())
                            .redirectErrorStream(true)
                            .start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(command).isTrue();
            assertThat(p.exitValue()).as(command + "\n" + out).isZero();
            assertThat(out).as(command).contains("Job has been submitted with JobID");
        }
        assertThat(Files.exists(output)).as("WordCount --output wrote " + output).isTrue();
        deleteRecursively(output);
    }

    private static void deleteRecursively(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                for (Path f : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
