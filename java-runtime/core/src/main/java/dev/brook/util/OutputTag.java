package dev.brook.util;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.typeutils.TypeExtractor;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Names a side output of an operator and its type. Create it as an anonymous subclass, {@code new
 * OutputTag<String>("late") {}}, so the type is captured, or pass the type explicitly. Two tags are
 * the same side output when their ids are equal.
 */
public class OutputTag<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final TypeInformation<T> typeInfo;

    @SuppressWarnings("unchecked")
    public OutputTag(String id) {
        this.id = requireId(id);
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType pt)) {
            throw new IllegalArgumentException(
                    "Cannot tell the type of side output '"
                            + id
                            + "'. Create the tag as an anonymous subclass (new OutputTag<String>(\""
                            + id
                            + "\") {}) or pass its TypeInformation.");
        }
        this.typeInfo =
                (TypeInformation<T>) TypeExtractor.createTypeInfo(pt.getActualTypeArguments()[0]);
    }

    public OutputTag(String id, TypeInformation<T> typeInfo) {
        this.id = requireId(id);
        this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
    }

    private static String requireId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("An OutputTag needs a non-empty id");
        }
        return id;
    }

    public String getId() {
        return id;
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag<?> other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + typeInfo + ", " + id + ")";
    }
}
