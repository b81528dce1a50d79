package dev.brook.runtime.rpc;

/**
 * Finds the classes of objects arriving over RPC: Brook's own, then the user code of the jobs this
 * process runs (an operator event may carry a user's source split, a failure a user's exception).
 */
@FunctionalInterface
public interface ClassResolver {

    Class<?> resolve(String name) throws ClassNotFoundException;

    /** Only the classes Brook itself is loaded with. */
    static ClassResolver system() {
        return name -> Class.forName(name, false, ClassResolver.class.getClassLoader());
    }

    /** The system classes, then each of {@code loaders} in turn. */
    static ClassResolver withUserCode(Iterable<ClassLoader> loaders) {
        return name -> {
            try {
                return Class.forName(name, false, ClassResolver.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                for (ClassLoader loader : loaders) {
                    try {
                        return Class.forName(name, false, loader);
                    } catch (ClassNotFoundException ignored) {
                        // try the next job's classes
                    }
                }
                throw e;
            }
        };
    }
}
