package dev.brook.client.python;

import dev.brook.api.common.JobExecutionResult;
import dev.brook.core.execution.JobClient;

/**
 * What {@code StreamExecutionEnvironment.execute_async()} returns to Python: blocking calls with
 * plain values (strings, JSON), so Py4J carries nothing but text.
 */
public final class PythonJobClient {

    private final JobClient client;

    PythonJobClient(JobClient client) {
        this.client = client;
    }

    public String getJobId() {
        return client.getJobID().toString();
    }

    /** The job's status, by the name of {@code JobStatus}. */
    public String getJobStatus() throws Exception {
        return PythonErrors.await(client.getJobStatus()).name();
    }

    public void cancel() throws Exception {
        PythonErrors.await(client.cancel());
    }

    public String triggerSavepoint(String directory) throws Exception {
        return PythonErrors.await(client.triggerSavepoint(directory));
    }

    public String stopWithSavepoint(boolean drain, String directory) throws Exception {
        return PythonErrors.await(client.stopWithSavepoint(drain, directory));
    }

    /** Waits for the job's end; its result as JSON, or the job's failure. */
    public String getJobExecutionResult() throws Exception {
        return resultJson(PythonErrors.await(client.getJobExecutionResult()));
    }

    static String resultJson(JobExecutionResult result) {
        return "{\"job_id\": \""
                + result.getJobID()
                + "\", \"net_runtime_ms\": "
                + result.getNetRuntime()
                + ", \"accumulators\": {}}";
    }
}
