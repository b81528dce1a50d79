package dev.brook.runtime.state;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.IllegalConfigurationException;
import dev.brook.configuration.StateBackendOptions;
import dev.brook.runtime.state.hashmap.HashMapStateBackend;
import java.util.Locale;

/**
 * Turns {@code state.backend.type} into a {@link StateBackend}, and configures the backend when it
 * is a {@link ConfigurableStateBackend}.
 */
public final class StateBackendLoader {

    /** The RocksDB backend lives in its own module; it is found by name when configured. */
    static final String ROCKSDB_BACKEND_CLASS =
            "dev.brook.contrib.streaming.state.EmbeddedRocksDBStateBackend";

    private StateBackendLoader() {}

    /**
     * The backend the program set, else the configured one, configured from {@code configuration}
     * if it takes settings (the program's explicit settings win). Fails with the key and the
     * allowed values when the configured name is unknown or its module is missing.
     */
    public static StateBackend load(
            StateBackend fromProgram, Configuration configuration, ClassLoader classLoader) {
        StateBackend backend =
                fromProgram != null ? fromProgram : byName(configuration, classLoader);
        if (backend instanceof ConfigurableStateBackend configurable) {
            return configurable.configure(configuration, classLoader);
        }
        return backend;
    }

    private static StateBackend byName(Configuration configuration, ClassLoader classLoader) {
        String name = configuration.get(StateBackendOptions.STATE_BACKEND);
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "hashmap":
            case "jobmanager":
            case "filesystem":
                return new HashMapStateBackend();
            case "rocksdb":
                return instantiate(ROCKSDB_BACKEND_CLASS, name, classLoader);
            default:
                if (name.contains(".")) {
                    return instantiate(name.trim(), name, classLoader);
                }
                throw new IllegalConfigurationException(
                        "Unknown state backend '"
                                + name
                                + "' in "
                                + StateBackendOptions.STATE_BACKEND.key()
                                + "; use hashmap or rocksdb (or the class name of a StateBackend).");
        }
    }

    private static StateBackend instantiate(
            String className, String configured, ClassLoader classLoader) {
        try {
            Class<?> c = Class.forName(className, true, classLoader);
            Object backend = c.getConstructor().newInstance();
            if (!(backend instanceof StateBackend sb)) {
                throw new IllegalConfigurationException(
                        className
                                + " configured in "
                                + StateBackendOptions.STATE_BACKEND.key()
                                + " is not a StateBackend");
            }
            return sb;
        } catch (ClassNotFoundException e) {
            throw new IllegalConfigurationException(
                    "State backend '"
                            + configured
                            + "' ("
                            + StateBackendOptions.STATE_BACKEND.key()
                            + ") needs "
                            + className
                            + ", which is not on the class path"
                            + (className.equals(ROCKSDB_BACKEND_CLASS)
                                    ? "; add brook-statebackend-rocksdb.jar to lib/"
                                    : ""));
        } catch (ReflectiveOperationException e) {
            throw new IllegalConfigurationException(
                    "Cannot create state backend " + className + ": " + e, e);
        }
    }
}
