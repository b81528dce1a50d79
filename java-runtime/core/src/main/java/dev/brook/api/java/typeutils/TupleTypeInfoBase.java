package dev.brook.api.java.typeutils;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.CompositeType;
import dev.brook.api.common.typeutils.TypeSerializer;
import java.util.Arrays;
import java.util.Objects;

/** Shared base of the positional composite types, {@link TupleTypeInfo} and {@link RowTypeInfo}. */
public abstract class TupleTypeInfoBase<T> extends CompositeType<T> {

    private static final long serialVersionUID = 1L;

    protected final TypeInformation<?>[] types;

    private final int totalFields;

    protected TupleTypeInfoBase(Class<T> tupleType, TypeInformation<?>... types) {
        super(tupleType);
        this.types = types.clone();
        int total = 0;
        for (int i = 0; i < this.types.length; i++) {
            total += Objects.requireNonNull(this.types[i], "type of field " + i).getTotalFields();
        }
        this.totalFields = total;
    }

    @Override
    public int getArity() {
        return types.length;
    }

    @Override
    public int getTotalFields() {
        return totalFields;
    }

    @Override
    public boolean isKeyType() {
        for (TypeInformation<?> type : types) {
            if (!type.isKeyType()) {
                return false;
            }
        }
        return true;
    }

    /** The types of the fields, by position (a copy). */
    public TypeInformation<?>[] getFieldTypes() {
        return types.clone();
    }

    @Override
    @SuppressWarnings("unchecked") // the caller states the field's type
    public <X> TypeInformation<X> getTypeAt(int pos) {
        if (pos < 0 || pos >= types.length) {
            throw new IndexOutOfBoundsException(
                    "Field position "
                            + pos
                            + " does not exist in "
                            + this
                            + " of arity "
                            + types.length);
        }
        return (TypeInformation<X>) types[pos];
    }

    /** Serializers for the fields, by position. */
    protected TypeSerializer<?>[] createFieldSerializers(SerializerConfig config) {
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            serializers[i] = types[i].createSerializer(config);
        }
        return serializers;
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == null || obj.getClass() != getClass()) {
            return false;
        }
        TupleTypeInfoBase<?> other = (TupleTypeInfoBase<?>) obj;
        return typeClass == other.typeClass && Arrays.equals(types, other.types);
    }

    @Override
    public int hashCode() {
        return 31 * typeClass.getName().hashCode() + Arrays.hashCode(types);
    }
}
