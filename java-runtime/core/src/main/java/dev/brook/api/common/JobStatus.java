package dev.brook.api.common;

/** The states of a job, as Flink names them. */
public enum JobStatus {
    INITIALIZING(false),
    CREATED(false),
    RUNNING(false),
    FAILING(false),
    FAILED(true),
    CANCELLING(false),
    CANCELED(true),
    FINISHED(true),
    RESTARTING(false),
    SUSPENDED(false),
    RECONCILING(false);

    private final boolean globallyTerminal;

    JobStatus(boolean globallyTerminal) {
        this.globallyTerminal = globallyTerminal;
    }

    /** True for FINISHED, FAILED and CANCELED: the job will never run again. */
    public boolean isGloballyTerminalState() {
        return globallyTerminal;
    }

    /** True if the job is done in this JobManager (globally terminal or suspended). */
    public boolean isTerminalState() {
        return globallyTerminal || this == SUSPENDED;
    }
}
