package dev.brook.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.typeutils.RowTypeInfo;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The types of records that cross between Java and Python, in the JSON form the Python plan uses
 * ({@code {"type":"ROW","names":[..],"fields":[..]}}): parsed into {@link TypeInformation} for the
 * Java graph, and written back for the worker, which needs them to convert Arrow columns.
 */
public final class PythonTypes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonTypes() {}

    /** The Java type of a plan's type JSON, e.g. {@code {"type":"LONG"}}. */
    public static TypeInformation<?> fromJson(String typeJson) {
        try {
            return fromJson(JSON.readTree(typeJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a type description: " + typeJson, e);
        }
    }

    static TypeInformation<?> fromJson(JsonNode node) {
        String type = node.path("type").asText("");
        switch (type) {
            case "STRING":
                return BasicTypeInfo.STRING_TYPE_INFO;
            case "BOOLEAN":
                return BasicTypeInfo.BOOLEAN_TYPE_INFO;
            case "BYTE":
                return BasicTypeInfo.BYTE_TYPE_INFO;
            case "SHORT":
                return BasicTypeInfo.SHORT_TYPE_INFO;
            case "INT":
                return BasicTypeInfo.INT_TYPE_INFO;
            case "LONG":
                return BasicTypeInfo.LONG_TYPE_INFO;
            case "FLOAT":
                return BasicTypeInfo.FLOAT_TYPE_INFO;
            case "DOUBLE":
                return BasicTypeInfo.DOUBLE_TYPE_INFO;
            case "PICKLED":
                return PickledByteArrayTypeInfo.INSTANCE;
            case "BYTES":
                return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
            case "ROW":
                {
                    TypeInformation<?>[] fields = fields(node);
                    JsonNode names = node.path("names");
                    if (names.isMissingNode() || names.isNull()) {
                        return new RowTypeInfo(fields);
                    }
                    String[] fieldNames = new String[fields.length];
                    for (int i = 0; i < fieldNames.length; i++) {
                        fieldNames[i] = names.get(i).asText();
                    }
                    return new RowTypeInfo(fields, fieldNames);
                }
            case "TUPLE":
                return new TupleTypeInfo<>(fields(node));
            default:
                throw new IllegalArgumentException(
                        "Unsupported Python type '"
                                + type
                                + "' in "
                                + node
                                + "; supported: STRING, BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT,"
                                + " DOUBLE, PICKLED, BYTES, ROW, TUPLE.");
        }
    }

    private static TypeInformation<?>[] fields(JsonNode node) {
        JsonNode fields = node.path("fields");
        TypeInformation<?>[] types = new TypeInformation<?>[fields.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = fromJson(fields.get(i));
        }
        return types;
    }

    /** The type JSON of {@code type}; the inverse of {@link #fromJson(String)}. */
    public static String toJson(TypeInformation<?> type) {
        try {
            return JSON.writeValueAsString(toJsonNode(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode toJsonNode(TypeInformation<?> type) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (type instanceof PickledByteArrayTypeInfo) {
            return node.put("type", "PICKLED");
        }
        if (type.equals(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)) {
            return node.put("type", "BYTES");
        }
        if (type instanceof RowTypeInfo row) {
            node.put("type", "ROW");
            ArrayNode names = node.putArray("names");
            for (String name : row.getFieldNames()) {
                names.add(name);
            }
            ArrayNode fields = node.putArray("fields");
            for (TypeInformation<?> field : row.getFieldTypes()) {
                fields.add(toJsonNode(field));
            }
            return node;
        }
        if (type instanceof TupleTypeInfo<?> tuple) {
            node.put("type", "TUPLE");
            ArrayNode fields = node.putArray("fields");
            for (TypeInformation<?> field : tuple.getFieldTypes()) {
                fields.add(toJsonNode(field));
            }
            return node;
        }
        Class<?> c = type.getTypeClass();
        String name;
        if (c == String.class) {
            name = "STRING";
        } else if (c == Boolean.class) {
            name = "BOOLEAN";
        } else if (c == Byte.class) {
            name = "BYTE";
        } else if (c == Short.class) {
            name = "SHORT";
        } else if (c == Integer.class) {
            name = "INT";
        } else if (c == Long.class) {
            name = "LONG";
        } else if (c == Float.class) {
            name = "FLOAT";
        } else if (c == Double.class) {
            name = "DOUBLE";
        } else {
            throw new IllegalArgumentException(
                    "Records of type "
                            + type
                            + " cannot be passed to Python functions; use a basic type, a Row, a"
                            + " Tuple, byte[] or pickled values.");
        }
        return node.put("type", name);
    }
}
