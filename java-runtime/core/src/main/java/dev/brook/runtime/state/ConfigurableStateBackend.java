package dev.brook.runtime.state;

import dev.brook.annotation.PublicEvolving;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.IllegalConfigurationException;

/**
 * A state backend that takes settings from the job's configuration (as Flink's {@code
 * ConfigurableStateBackend}): {@link StateBackendLoader} configures the backend it resolved,
 * whether the program set it or {@code state.backend.type} named it. Settings the program made
 * explicitly win over the configuration.
 */
@PublicEvolving
public interface ConfigurableStateBackend {

    /**
     * A backend with the settings of this one, completed from {@code configuration}; this one is
     * not changed. Fails naming the key when a value is invalid.
     */
    StateBackend configure(Configuration configuration, ClassLoader classLoader)
            throws IllegalConfigurationException;
}
