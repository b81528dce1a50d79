package dev.brook.runtime.executiongraph.failover;

/** Never restarts: the first failure fails the job. Stateless, hence a singleton and no clock. */
public enum NoRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
    INSTANCE;

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public long getBackoffTime() {
        return 0L;
    }

    @Override
    public boolean notifyFailure(Throwable cause) {
        return true;
    }

    @Override
    public String toString() {
        return "NoRestartBackoffTimeStrategy";
    }
}
