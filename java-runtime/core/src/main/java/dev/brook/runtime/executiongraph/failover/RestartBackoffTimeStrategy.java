package dev.brook.runtime.executiongraph.failover;

/**
 * Decides whether a failed job may restart and how long to wait first. One instance lives as long
 * as the job and keeps the history of its failures.
 *
 * <p>Call order: for every failure the JobMaster calls {@link #notifyFailure} first, then {@link
 * #canRestart} and, if that allows a restart, {@link #getBackoffTime}. Implementations are not
 * thread-safe; the JobMaster calls them from its main thread only.
 */
public interface RestartBackoffTimeStrategy {

    /** Whether the failures notified so far still allow a restart. */
    boolean canRestart();

    /** Milliseconds to wait before the restart; only meaningful after {@link #notifyFailure}. */
    long getBackoffTime();

    /**
     * Records a failure.
     *
     * @return true if the failure counts as a new restart attempt; false if it joins a restart that
     *     is already pending (several tasks failing for one cause), in which case the caller should
     *     not schedule a second restart
     */
    boolean notifyFailure(Throwable cause);
}
