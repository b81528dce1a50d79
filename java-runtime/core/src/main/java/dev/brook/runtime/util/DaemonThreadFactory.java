package dev.brook.runtime.util;

import java.util.concurrent.ThreadFactory;

/**
 * Names the engine's background threads and makes them daemons, so that they never keep a client or
 * a test JVM alive on their own.
 */
public final class DaemonThreadFactory implements ThreadFactory {

    private final String name;

    public DaemonThreadFactory(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
