package dev.brook.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client-given jar names and ids never reach a file outside the store's directory. */
class JarStoreTest {

    @Test
    void reducesClientNamesToSafeJarNames() {
        assertThat(JarStore.safeJarName("job.jar")).isEqualTo("job.jar");
        assertThat(JarStore.safeJarName("/home/me/../x/job-1.0_final.jar"))
                .isEqualTo("job-1.0_final.jar");
        assertThat(JarStore.safeJarName("C:\\Users\\me\\my job.jar")).isEqualTo("my_job.jar");
        assertThat(JarStore.safeJarName("../../ünïcode;rm -rf.jar"))
                .isEqualTo("_n_code_rm_-rf.jar");
        for (String bad : new String[] {"job.zip", "jar", ".jar", "dir/", "", "../"}) {
            assertThatThrownBy(() -> JarStore.safeJarName(bad))
                    .as(bad)
                    .isInstanceOf(RestHandlerException.class)
                    .hasMessage("Only .jar files can be uploaded, not '" + bad + "'.")
                    .extracting(e -> ((RestHandlerException) e).status())
                    .isEqualTo(400);
        }
    }

    @Test
    void storesUnderAFreshIdAndResolvesOnlyWellFormedIds(@TempDir Path dir) throws Exception {
        JarStore store = new JarStore(dir.resolve("jars"));
        Path stored = store.store("../../evil.jar", new ByteArrayInputStream(new byte[] {1, 2}));
        assertThat(stored.getParent()).isEqualTo(dir.resolve("jars").toRealPath());
        String id = stored.getFileName().toString();
        assertThat(id).endsWith("_evil.jar");
        assertThat(store.resolve(id)).isEqualTo(stored);
        assertThat(JarStore.uploadedName(stored)).isEqualTo("evil.jar");
        assertThat(store.list()).containsExactly(stored);

        Files.writeString(dir.resolve("secret.jar"), "not for clients");
        for (String bad :
                new String[] {
                    "../secret.jar",
                    UUID.randomUUID() + "_../../secret.jar",
                    UUID.randomUUID() + "_a/b.jar",
                    UUID.randomUUID().toString().toUpperCase() + "_x.jar",
                    "secret.jar",
                    id + "/",
                }) {
            assertThatThrownBy(() -> store.resolve(bad))
                    .as(bad)
                    .isInstanceOf(RestHandlerException.class)
                    .hasMessageStartingWith("Invalid jar id '" + bad + "'");
        }
        String missing = UUID.randomUUID() + "_missing.jar";
        assertThatThrownBy(() -> store.resolve(missing))
                .hasMessage("Jar file " + missing + " not found.")
                .extracting(e -> ((RestHandlerException) e).status())
                .isEqualTo(404);

        store.delete(id);
        assertThat(stored).doesNotExist();
        assertThat(store.list()).isEmpty();
    }
}
