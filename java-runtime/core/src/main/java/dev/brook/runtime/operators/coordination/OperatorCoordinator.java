package dev.brook.runtime.operators.coordination;

import dev.brook.configuration.Configuration;

/**
 * The part of an operator that runs once per job in the JobMaster and talks to the operator's
 * parallel instances through events.
 *
 * <p>Lifecycle: {@link #start} when the job starts running; events; {@link #close} when the job
 * ends. Implementations run their logic on a thread of their own.
 */
public interface OperatorCoordinator extends AutoCloseable {

    void start() throws Exception;

    void handleEventFromOperator(int subtask, OperatorEvent event) throws Exception;

    @Override
    void close() throws Exception;

    /** What the JobMaster offers a coordinator. */
    interface Context {
        int currentParallelism();

        /** Sends an event to a running subtask of the operator. */
        void sendEvent(int subtask, OperatorEvent event);

        /** Fails the whole job with {@code cause}. */
        void failJob(Throwable cause);

        ClassLoader getUserCodeClassLoader();

        Configuration getJobConfiguration();

        String operatorName();
    }
}
