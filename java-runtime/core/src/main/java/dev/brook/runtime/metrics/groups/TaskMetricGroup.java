package dev.brook.runtime.metrics.groups;

import dev.brook.metrics.Counter;
import dev.brook.metrics.MeterView;
import dev.brook.metrics.SimpleCounter;
import dev.brook.runtime.metrics.MetricRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of one subtask: its I/O ({@code numRecordsIn}, {@code numRecordsOut} and their rates
 * per second) and a group per operator of its chain. The task's {@code numRecordsIn} is its head
 * operator's: records read from the network (or sorted) input; its {@code numRecordsOut} counts
 * records written to the network.
 */
public final class TaskMetricGroup extends AbstractMetricGroup {

    /** Flink's limit on operator names in metric scopes. */
    static final int OPERATOR_NAME_MAX_LENGTH = 80;

    private final Counter numRecordsIn = new SimpleCounter();
    private final Counter numRecordsOut = new SimpleCounter();
    private final Map<String, InternalOperatorMetricGroup> operators = new LinkedHashMap<>();

    private TaskMetricGroup(
            MetricRegistry registry, String[] scope, Map<String, String> variables) {
        super(registry, scope, variables, "");
        counter("numRecordsIn", numRecordsIn);
        counter("numRecordsOut", numRecordsOut);
        meter("numRecordsInPerSecond", new MeterView(numRecordsIn));
        meter("numRecordsOutPerSecond", new MeterView(numRecordsOut));
    }

    /**
     * @param host the TaskManager's host
     * @param taskManagerId the TaskManager's id
     * @param taskId the job vertex's id
     */
    public static TaskMetricGroup create(
            MetricRegistry registry,
            String host,
            String taskManagerId,
            String jobId,
            String jobName,
            String taskId,
            String taskName,
            int subtaskIndex,
            int attemptNumber) {
        Map<String, String> variables = new HashMap<>();
        variables.put("<host>", host);
        variables.put("<tm_id>", taskManagerId);
        variables.put("<job_id>", jobId);
        variables.put("<job_name>", jobName);
        variables.put("<task_id>", taskId);
        variables.put("<task_name>", taskName);
        variables.put("<subtask_index>", Integer.toString(subtaskIndex));
        variables.put("<attempt_num>", Integer.toString(attemptNumber));
        return new TaskMetricGroup(
                registry,
                new String[] {
                    host,
                    "taskmanager",
                    taskManagerId,
                    jobName,
                    taskName,
                    Integer.toString(subtaskIndex)
                },
                variables);
    }

    /**
     * A task group that reports nothing, for operators run outside a TaskManager (test harnesses).
     */
    public static TaskMetricGroup unregistered(String taskName) {
        return create(null, "localhost", "local", "job", "job", "task", taskName, 0, 0);
    }

    /** Records the head operator receives from the task's inputs. */
    public Counter getNumRecordsInCounter() {
        return numRecordsIn;
    }

    /** Records written to the task's network outputs. */
    public Counter getNumRecordsOutCounter() {
        return numRecordsOut;
    }

    /**
     * The group of an operator of this task; a name already taken in the task gets a suffix ({@code
     * _2}, ...) in the ids, so both operators are reported.
     */
    public InternalOperatorMetricGroup addOperator(String operatorId, String name) {
        return addOperator(operatorId, name, new SimpleCounter());
    }

    /**
     * As {@link #addOperator(String, String)}, with the operator's {@code numRecordsIn} counter
     * given: the head operator shares the task's.
     */
    public synchronized InternalOperatorMetricGroup addOperator(
            String operatorId, String name, Counter numRecordsIn) {
        String truncated =
                name.length() > OPERATOR_NAME_MAX_LENGTH
                        ? name.substring(0, OPERATOR_NAME_MAX_LENGTH)
                        : name;
        String component = filterComponent(truncated);
        String unique = component;
        for (int n = 2; operators.containsKey(unique); n++) {
            unique = component + "_" + n;
        }
        String[] scope = getScopeComponents();
        scope[scope.length - 2] = truncated;
        Map<String, String> variables = new HashMap<>(getAllVariables());
        variables.put("<operator_id>", operatorId);
        variables.put("<operator_name>", truncated);
        InternalOperatorMetricGroup group =
                new InternalOperatorMetricGroup(registry(), scope, variables, unique, numRecordsIn);
        operators.put(unique, group);
        return group;
    }

    /** Every metric of the task and its operators now, by id (e.g. {@code Map.numRecordsIn}). */
    public Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        dump(out);
        synchronized (this) {
            for (InternalOperatorMetricGroup op : operators.values()) {
                op.dump(out);
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        super.close();
        for (InternalOperatorMetricGroup op : operators.values()) {
            op.close();
        }
    }
}
