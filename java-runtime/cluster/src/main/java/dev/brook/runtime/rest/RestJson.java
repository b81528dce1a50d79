package dev.brook.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobID;
import io.javalin.http.Context;

/**
 * Reading and writing the JSON of requests and responses, and the checks on request values that
 * every handler shares; a malformed value is the client's mistake (400) with a message naming it.
 */
final class RestJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private RestJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Sends {@code body} with {@code status}. */
    static void send(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status)
                    .contentType("application/json")
                    .result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON response: " + e, e);
        }
    }

    static void ok(Context ctx, JsonNode body) {
        send(ctx, 200, body);
    }

    /** Flink's error body: {@code {"errors": [message]}}. */
    static void error(Context ctx, int status, String message) {
        ObjectNode body = object();
        body.putArray("errors").add(message == null ? "Unknown error" : message);
        send(ctx, status, body);
    }

    /** The request body as a JSON object; an empty body is an empty object. */
    static ObjectNode bodyObject(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw RestHandlerException.badRequest(
                    "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw RestHandlerException.badRequest(
                    "The request body must be a JSON object, not " + node.getNodeType() + ".");
        }
        return object;
    }

    /** The {@code jobid} path parameter. */
    static JobID jobId(Context ctx) {
        String text = ctx.pathParam("jobid");
        try {
            return JobID.fromHexString(text);
        } catch (IllegalArgumentException e) {
            throw RestHandlerException.badRequest(e.getMessage());
        }
    }

    /** A text field of a request object, or null when absent or null. */
    static String text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw RestHandlerException.badRequest(
                    "Field '" + field + "' must be a string, not " + node.getNodeType() + ".");
        }
        return node.asText();
    }

    /** A boolean field of a request object, or {@code defaultValue} when absent or null. */
    static boolean bool(ObjectNode body, String field, boolean defaultValue) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw RestHandlerException.badRequest(
                    "Field '" + field + "' must be true or false, not " + node + ".");
        }
        return node.asBoolean();
    }
}
