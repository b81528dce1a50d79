package dev.brook.client.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.tuple.Tuple;
import dev.brook.api.java.typeutils.RowTypeInfo;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import dev.brook.python.PickledByteArrayTypeInfo;
import dev.brook.types.Row;
import java.util.Base64;

/**
 * Typed values as the Python API writes them in a plan ({@code from_collection}'s {@code
 * values_json}) and reads them back from {@code execute_and_collect}: JSON scalars, rows and tuples
 * as positional lists, raw bytes as base64.
 */
final class PythonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PythonValues() {}

    static Object fromJson(JsonNode value, TypeInformation<?> type) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (type instanceof RowTypeInfo row) {
            TypeInformation<?>[] fields = row.getFieldTypes();
            Row result = new Row(fields.length);
            for (int i = 0; i < fields.length; i++) {
                result.setField(i, fromJson(value.get(i), fields[i]));
            }
            return result;
        }
        if (type instanceof TupleTypeInfo<?> tupleType) {
            TypeInformation<?>[] fields = tupleType.getFieldTypes();
            Tuple tuple = Tuple.newInstance(fields.length);
            for (int i = 0; i < fields.length; i++) {
                tuple.setField(fromJson(value.get(i), fields[i]), i);
            }
            return tuple;
        }
        if (type.equals(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                || type instanceof PickledByteArrayTypeInfo) {
            return Base64.getDecoder().decode(value.asText());
        }
        Class<?> c = type.getTypeClass();
        if (c == String.class) {
            return value.asText();
        } else if (c == Boolean.class) {
            return value.asBoolean();
        } else if (c == Byte.class) {
            return (byte) value.asInt();
        } else if (c == Short.class) {
            return (short) value.asInt();
        } else if (c == Integer.class) {
            return value.asInt();
        } else if (c == Long.class) {
            return value.asLong();
        } else if (c == Float.class) {
            return (float) value.asDouble();
        } else if (c == Double.class) {
            return value.asDouble();
        }
        throw new IllegalArgumentException(
                "Values of type " + type + " cannot be written in a Python plan");
    }

    static JsonNode toJson(Object value, TypeInformation<?> type) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (type instanceof RowTypeInfo row) {
            TypeInformation<?>[] fields = row.getFieldTypes();
            Row r = (Row) value;
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < fields.length; i++) {
                array.add(toJson(r.getField(i), fields[i]));
            }
            return array;
        }
        if (type instanceof TupleTypeInfo<?> tupleType) {
            TypeInformation<?>[] fields = tupleType.getFieldTypes();
            Tuple t = (Tuple) value;
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < fields.length; i++) {
                array.add(toJson(t.getField(i), fields[i]));
            }
            return array;
        }
        if (value instanceof byte[] bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (type.equals(BasicTypeInfo.STRING_TYPE_INFO)) {
            return NODES.textNode((String) value);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.longValue());
        }
        throw new IllegalArgumentException(
                "Values of type " + type + " cannot be returned to Python");
    }
}
