package dev.brook.runtime.state;

import dev.brook.api.common.state.StateDescriptor;
import java.util.Locale;

/** The checks every keyed state backend makes when a state is asked for, with one wording. */
public final class StateChecks {

    private StateChecks() {}

    /**
     * A state asked for again under a registered name must be the same kind, type and TTL setting.
     */
    public static void checkSameAsRegistered(
            StateDescriptor<?, ?> registered,
            boolean registeredWithTtl,
            StateDescriptor<?, ?> requested,
            boolean requestedWithTtl) {
        if (registeredWithTtl != requestedWithTtl
                || registered.getType() != requested.getType()
                || !registered.getTypeInformation().equals(requested.getTypeInformation())) {
            throw new IllegalStateException(
                    "State '"
                            + requested.getName()
                            + "' is already registered as "
                            + registered
                            + "; it cannot also be "
                            + requested
                            + ". Use a different name.");
        }
    }

    /** A restored state must be asked for with the kind and TTL setting it was written with. */
    public static void checkSameAsRestored(
            String name,
            StateDescriptor.Type restoredKind,
            boolean restoredWithTtl,
            StateDescriptor.Type requestedKind,
            boolean requestedWithTtl) {
        if (restoredKind != requestedKind || restoredWithTtl != requestedWithTtl) {
            throw new IllegalStateException(
                    "State '"
                            + name
                            + "' was restored as "
                            + describe(restoredKind, restoredWithTtl)
                            + " state; it cannot be used as "
                            + describe(requestedKind, requestedWithTtl)
                            + " state.");
        }
    }

    /** Namespaced (window and trigger) state has no time-to-live. */
    public static void checkNoTtlForNamespacedState(StateDescriptor<?, ?> descriptor) {
        if (descriptor.getTtlConfig().isEnabled()) {
            throw new UnsupportedOperationException(
                    "State '"
                            + descriptor.getName()
                            + "' asks for a time-to-live, which keyed state of functions supports"
                            + " but window and trigger state does not.");
        }
    }

    private static String describe(StateDescriptor.Type kind, boolean timeToLive) {
        return kind.name().toLowerCase(Locale.ROOT) + (timeToLive ? " (with TTL)" : "");
    }
}
