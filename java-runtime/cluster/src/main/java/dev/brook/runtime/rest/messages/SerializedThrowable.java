package dev.brook.runtime.rest.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.runtime.serialization.JavaSerialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Base64;

/**
 * A failure as the REST API carries it, in Flink's shape: {@code {"class", "stack-trace",
 * "serialized-throwable"}}, the last being the Java-serialized throwable in base64. The server
 * writes it; the client reads the throwable back with the job's class loader, so an exception class
 * of the user's program arrives as itself, and falls back to a {@link RemoteThrowable} naming the
 * original class and its stack trace when the class is not there.
 */
public final class SerializedThrowable {

    public static final String FIELD_CLASS = "class";
    public static final String FIELD_STACK_TRACE = "stack-trace";
    public static final String FIELD_SERIALIZED = "serialized-throwable";

    private SerializedThrowable() {}

    /** The JSON of {@code failure}; without the serialized form if it cannot be serialized. */
    public static ObjectNode toJson(Throwable failure) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(FIELD_CLASS, failure.getClass().getName());
        node.put(FIELD_STACK_TRACE, stackTrace(failure));
        try {
            byte[] bytes = JavaSerialization.serialize(failure, "failure");
            node.put(FIELD_SERIALIZED, Base64.getEncoder().encodeToString(bytes));
        } catch (RuntimeException notSerializable) {
            // Some exception in the chain holds a non-serializable field: the class and the stack
            // trace still tell the client what happened.
        }
        return node;
    }

    /** The full stack trace, causes included, as {@code printStackTrace} writes it. */
    public static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out, true));
        return out.toString();
    }

    /**
     * The throwable of {@code node}, its classes resolved by {@code classLoader}; a {@link
     * RemoteThrowable} when it cannot be deserialized.
     */
    public static Throwable fromJson(JsonNode node, ClassLoader classLoader) {
        String className = node.path(FIELD_CLASS).asText("unknown");
        String stackTrace = node.path(FIELD_STACK_TRACE).asText("");
        String serialized = node.path(FIELD_SERIALIZED).asText(null);
        if (serialized != null) {
            try {
                Object value =
                        JavaSerialization.deserialize(
                                Base64.getDecoder().decode(serialized), classLoader);
                if (value instanceof Throwable t) {
                    return t;
                }
            } catch (Exception | LinkageError e) {
                return new RemoteThrowable(className, stackTrace, e);
            }
        }
        return new RemoteThrowable(className, stackTrace, null);
    }
}
