package dev.brook.api.common.typeutils;

import dev.brook.api.common.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * Type information of a type made of named fields (tuples, rows, POJOs). Fields are addressed by
 * position or by name; {@link #getTypeAt(String)} also accepts nested expressions such as {@code
 * "f1.name"}.
 */
public abstract class CompositeType<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    protected final Class<T> typeClass;

    protected CompositeType(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    /** The names of the direct fields, by position. */
    public abstract String[] getFieldNames();

    /** The position of the direct field named {@code fieldName}, or -1 if there is none. */
    public abstract int getFieldIndex(String fieldName);

    /** The type of the direct field at {@code pos}. */
    public abstract <X> TypeInformation<X> getTypeAt(int pos);

    /** True if there is a direct field named {@code fieldName}. */
    public boolean hasField(String fieldName) {
        return getFieldIndex(fieldName) >= 0;
    }

    /**
     * The type of the field named by {@code fieldExpression}: a direct field name, or names of
     * nested composite fields joined by dots ({@code "f1.name"}).
     *
     * @throws IllegalArgumentException if a name does not exist or a nested field is not composite
     */
    @SuppressWarnings("unchecked") // the caller states the field's type
    public <X> TypeInformation<X> getTypeAt(String fieldExpression) {
        int dot = fieldExpression.indexOf('.');
        String head = dot < 0 ? fieldExpression : fieldExpression.substring(0, dot);
        int pos = getFieldIndex(head);
        if (pos < 0) {
            throw new IllegalArgumentException(
                    "Field '"
                            + head
                            + "' does not exist in "
                            + this
                            + "; its fields are "
                            + String.join(", ", getFieldNames()));
        }
        TypeInformation<?> field = getTypeAt(pos);
        if (dot < 0) {
            return (TypeInformation<X>) field;
        }
        if (!(field instanceof CompositeType)) {
            throw new IllegalArgumentException(
                    "Cannot select '"
                            + fieldExpression.substring(dot + 1)
                            + "' inside field '"
                            + head
                            + "' of "
                            + this
                            + ": that field is of type "
                            + field
                            + ", which has no fields.");
        }
        return ((CompositeType<?>) field).getTypeAt(fieldExpression.substring(dot + 1));
    }
}
