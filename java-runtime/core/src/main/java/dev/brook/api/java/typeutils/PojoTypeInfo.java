package dev.brook.api.java.typeutils;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.CompositeType;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.typeutils.runtime.PojoSerializer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Type information of a POJO: a class whose state is a set of named fields, serialized field by
 * field. Fields are ordered by name, so the order does not depend on how reflection lists them.
 * Field values, and the POJO itself, may be null.
 *
 * <p>Java records are treated as POJOs too: their components are the fields, and they are created
 * through the canonical constructor.
 *
 * <p>{@link TypeExtractor} decides which classes are POJOs; see {@link
 * TypeExtractor#getPojoTypeInfo(Class)} for the rules.
 */
public final class PojoTypeInfo<T> extends CompositeType<T> {

    private static final long serialVersionUID = 1L;

    private final PojoField[] fields;

    private final int totalFields;

    public PojoTypeInfo(Class<T> typeClass, List<PojoField> fields) {
        super(typeClass);
        List<PojoField> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparing(f -> f.getField().getName()));
        this.fields = sorted.toArray(new PojoField[0]);
        int total = 0;
        for (PojoField field : this.fields) {
            total += field.getTypeInformation().getTotalFields();
        }
        this.totalFields = total;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return fields.length;
    }

    @Override
    public int getTotalFields() {
        return totalFields;
    }

    @Override
    public boolean isKeyType() {
        for (PojoField field : fields) {
            if (!field.getTypeInformation().isKeyType()) {
                return false;
            }
        }
        return true;
    }

    /** The field at {@code pos} (fields are ordered by name). */
    public PojoField getPojoFieldAt(int pos) {
        if (pos < 0 || pos >= fields.length) {
            throw new IndexOutOfBoundsException(
                    "Field position " + pos + " does not exist in " + this);
        }
        return fields[pos];
    }

    @Override
    public String[] getFieldNames() {
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].getField().getName();
        }
        return names;
    }

    @Override
    public int getFieldIndex(String fieldName) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].getField().getName().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked") // the caller states the field's type
    public <X> TypeInformation<X> getTypeAt(int pos) {
        return (TypeInformation<X>) getPojoFieldAt(pos).getTypeInformation();
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        Field[] reflected = new Field[fields.length];
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            reflected[i] = fields[i].getField();
            serializers[i] = fields[i].getTypeInformation().createSerializer(config);
        }
        return new PojoSerializer<>(typeClass, serializers, reflected);
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PojoTypeInfo)) {
            return false;
        }
        PojoTypeInfo<?> other = (PojoTypeInfo<?>) obj;
        return typeClass == other.typeClass && Arrays.equals(fields, other.fields);
    }

    @Override
    public int hashCode() {
        return 31 * typeClass.getName().hashCode() + Arrays.hashCode(fields);
    }

    /** {@code PojoType<com.example.Person, fields = [age: Integer, name: String]>}. */
    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder("PojoType<").append(typeClass.getName()).append(", fields = [");
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fields[i]);
        }
        return sb.append("]>").toString();
    }
}
