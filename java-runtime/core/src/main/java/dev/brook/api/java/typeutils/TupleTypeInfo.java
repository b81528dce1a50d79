package dev.brook.api.java.typeutils;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.tuple.Tuple;
import dev.brook.api.java.typeutils.runtime.TupleSerializer;

/**
 * Type information of tuples ({@link Tuple} subclasses) with known field types. Fields are named
 * {@code f0}, {@code f1}, ...
 */
public final class TupleTypeInfo<T extends Tuple> extends TupleTypeInfoBase<T> {

    private static final long serialVersionUID = 1L;

    /** Tuples of class {@code Tuple<n>}, where n is the number of given field types. */
    @SuppressWarnings("unchecked") // Tuple.getTupleClass(n) is the class of T for n fields
    public TupleTypeInfo(TypeInformation<?>... types) {
        this((Class<T>) Tuple.getTupleClass(types.length), types);
    }

    /** Tuples of class {@code tupleType} (which may be a subclass of a tuple class). */
    public TupleTypeInfo(Class<T> tupleType, TypeInformation<?>... types) {
        super(tupleType, types);
        if (types.length > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException(
                    "Tuples have at most "
                            + Tuple.MAX_ARITY
                            + " fields, got "
                            + types.length
                            + ". Use a Row or a POJO for records with more fields.");
        }
    }

    /** Tuple type information whose fields are of the given basic classes (String, Long, ...). */
    public static <X extends Tuple> TupleTypeInfo<X> getBasicTupleTypeInfo(Class<?>... basicTypes) {
        TypeInformation<?>[] infos = new TypeInformation<?>[basicTypes.length];
        for (int i = 0; i < basicTypes.length; i++) {
            infos[i] = BasicTypeInfo.getInfoFor(basicTypes[i]);
            if (infos[i] == null) {
                throw new IllegalArgumentException(
                        "Field "
                                + i
                                + " has class "
                                + basicTypes[i].getName()
                                + ", which is not a basic type. Use new TupleTypeInfo<>(...) with"
                                + " explicit field types instead.");
            }
        }
        return new TupleTypeInfo<>(infos);
    }

    @Override
    public boolean isTupleType() {
        return true;
    }

    @Override
    public String[] getFieldNames() {
        String[] names = new String[types.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "f" + i;
        }
        return names;
    }

    @Override
    public int getFieldIndex(String fieldName) {
        if (fieldName.length() < 2 || fieldName.charAt(0) != 'f') {
            return -1;
        }
        int pos = 0;
        for (int i = 1; i < fieldName.length(); i++) {
            char c = fieldName.charAt(i);
            if (c < '0' || c > '9' || (i == 1 && c == '0' && fieldName.length() > 2)) {
                return -1;
            }
            pos = pos * 10 + (c - '0');
            if (pos >= types.length) {
                return -1;
            }
        }
        return pos;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new TupleSerializer<>(typeClass, createFieldSerializers(config));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Java ").append(typeClass.getSimpleName()).append('<');
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(types[i]);
        }
        return sb.append('>').toString();
    }
}
