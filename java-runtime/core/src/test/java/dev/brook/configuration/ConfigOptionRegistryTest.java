package dev.brook.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigOptionRegistryTest {

    @Test
    void everyOptionsClassOfThePackageIsRegistered() {
        Set<String> declaringOptions =
                new ClassFileImporter()
                                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                                .importPackages("dev.brook.configuration")
                                .stream()
                                .filter(c -> c.getPackageName().equals("dev.brook.configuration"))
                                .filter(
                                        c ->
                                                c.getFields().stream()
                                                        .anyMatch(
                                                                f ->
                                                                        f.getRawType()
                                                                                .isEquivalentTo(
                                                                                        ConfigOption
                                                                                                .class)))
                                .map(JavaClass::getName)
                                .collect(Collectors.toSet());
        Set<String> registered =
                ConfigOptionRegistry.OPTION_CLASSES.stream()
                        .map(Class::getName)
                        .collect(Collectors.toSet());

        assertThat(registered).containsAll(declaringOptions);
        assertThat(declaringOptions).contains(RestOptions.class.getName());
    }

    @Test
    void findsOptionsByKeyAndByFallbackKey() {
        ConfigOptionRegistry registry = ConfigOptionRegistry.get();

        assertThat(registry.find("rest.port")).contains(RestOptions.PORT);
        assertThat(registry.find("web.port")).contains(RestOptions.PORT);
        assertThat(registry.find("jobmanager.rpc.address"))
                .as("an option's own key wins over another's fallback to it")
                .contains(JobManagerOptions.ADDRESS);
        assertThat(registry.find("no.such.key")).isEmpty();
    }

    @Test
    void suggestsOnlyCloseKeys() {
        ConfigOptionRegistry registry = ConfigOptionRegistry.get();

        assertThat(registry.closestKey("jobmanager.memory.proces.size"))
                .contains("jobmanager.memory.process.size");
        assertThat(registry.closestKey("heartbeat.itnerval")).contains("heartbeat.interval");
        assertThat(registry.closestKey("completely.unrelated.thing")).isEmpty();
    }

    @Test
    void swappedNeighboursAreOneEdit() {
        assertThat(ConfigOptionRegistry.editDistance("port", "prot")).isEqualTo(1);
        assertThat(ConfigOptionRegistry.editDistance("port", "pot")).isEqualTo(1);
        assertThat(ConfigOptionRegistry.editDistance("port", "ports")).isEqualTo(1);
        assertThat(ConfigOptionRegistry.editDistance("port", "bind")).isEqualTo(4);
    }
}
