package dev.brook.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.configuration.Configuration;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonDependencyBundleTest {

    @TempDir Path client;
    @TempDir Path taskManager;

    @Test
    void filesArchivesAndRequirementsTravelInOneJarAndResolveToTheExtractedCopies()
            throws Exception {
        Path module = Files.writeString(client.resolve("helpers.py"), "X = 1\n");
        Path pkg = Files.createDirectories(client.resolve("lib/pkg"));
        Files.writeString(pkg.resolve("__init__.py"), "Y = 2\n");
        Path archive = Files.writeString(client.resolve("data.zip"), "not really a zip");
        Path requirements = Files.writeString(client.resolve("requirements.txt"), "six\n");
        Path cache = Files.createDirectories(client.resolve("cache"));
        Files.writeString(cache.resolve("six.whl"), "wheel");
        Configuration config = new Configuration();
        config.set(PythonOptions.PYTHON_FILES, module + "," + client.resolve("lib"));
        config.set(PythonOptions.PYTHON_ARCHIVES, archive + "#data");
        config.set(PythonOptions.PYTHON_REQUIREMENTS, requirements + "#" + cache);

        Path jar = PythonDependencyBundle.pack(config);
        assertThat(jar.getFileName().toString()).isEqualTo(PythonDependencyBundle.JAR_NAME);
        assertThat(config.get(PythonOptions.PYTHON_FILES)).doesNotContain(client.toString());

        // On the TaskManager the bundle is one of the job's jars.
        Path fetched = Files.move(jar, taskManager.resolve(PythonDependencyBundle.JAR_NAME));
        Files.delete(jar.getParent());
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {fetched.toUri().toURL()}, null)) {
            Configuration local = PythonDependencyBundle.localize(config, loader);
            String[] files = local.get(PythonOptions.PYTHON_FILES).split(",");
            assertThat(Paths.get(files[0])).hasContent("X = 1").startsWith(taskManager);
            assertThat(Paths.get(files[1]).resolve("pkg/__init__.py")).hasContent("Y = 2");
            String[] archiveSpec = local.get(PythonOptions.PYTHON_ARCHIVES).split("#");
            assertThat(Paths.get(archiveSpec[0])).hasContent("not really a zip");
            assertThat(archiveSpec[1]).isEqualTo("data");
            String[] requirementsSpec = local.get(PythonOptions.PYTHON_REQUIREMENTS).split("#");
            assertThat(Paths.get(requirementsSpec[0])).hasContent("six");
            assertThat(Paths.get(requirementsSpec[1]).resolve("six.whl")).hasContent("wheel");
            // A second operator of the job finds the same copies.
            assertThat(PythonDependencyBundle.localize(config, loader).toMap())
                    .isEqualTo(local.toMap());
        }
    }

    @Test
    void aJobWithoutPythonFilesShipsNothing() throws Exception {
        Configuration config = new Configuration();
        assertThat(PythonDependencyBundle.pack(config)).isNull();
        assertThat(PythonDependencyBundle.localize(config, getClass().getClassLoader()))
                .isSameAs(config);
    }

    @Test
    void aMissingPathIsNamedWithItsOption() {
        Configuration config = new Configuration();
        config.set(PythonOptions.PYTHON_FILES, client.resolve("nope.py").toString());
        assertThatThrownBy(() -> PythonDependencyBundle.pack(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "The path '"
                                + client.resolve("nope.py")
                                + "' of python.files does not exist");
    }
}
