package dev.brook.runtime.checkpoint;

import dev.brook.api.common.JobID;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checkpoint every subtask and coordinator has acknowledged: the state a job restores from.
 *
 * @param operators the state of each operator, by operator id
 * @param externalPointer the checkpoint's directory (holding {@code _metadata}), or null when it
 *     lives in the JobManager's memory
 */
public record CompletedCheckpoint(
        JobID jobId,
        long checkpointId,
        long timestamp,
        boolean savepoint,
        Map<String, OperatorState> operators,
        String externalPointer) {

    public CompletedCheckpoint {
        operators = Collections.unmodifiableMap(new LinkedHashMap<>(operators));
    }

    public long getStateSize() {
        return operators.values().stream().mapToLong(OperatorState::getStateSize).sum();
    }
}
