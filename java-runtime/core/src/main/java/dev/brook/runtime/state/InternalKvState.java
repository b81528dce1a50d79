package dev.brook.runtime.state;

/**
 * The runtime view of a keyed state object: the user-facing interface plus the namespace it
 * currently reads and writes.
 */
public interface InternalKvState<K, N> {

    void setCurrentNamespace(N namespace);

    /** Merges the values of {@code sources} into {@code target} (for merging windows). */
    default void mergeNamespaces(N target, Iterable<N> sources) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot merge");
    }
}
