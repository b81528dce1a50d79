package dev.brook.api.java.typeutils;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.typeutils.runtime.DynamicSerializer;
import java.util.Objects;

/**
 * Type information of a class that Brook treats as a black box: not a basic type, tuple, row, POJO,
 * array, list, map or enum. Values may be null and may be of subclasses.
 *
 * <p>Values are serialized by a {@link DynamicSerializer}, which writes a small tag before each
 * value and serializes a value of exactly the declared class field by field through reflection (or,
 * for collections, element by element); see its documentation for the fallbacks. This is slower
 * than the serializers of known types, so declaring a POJO or a tuple pays off on hot paths.
 */
public class GenericTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    public GenericTypeInfo(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    /** True unless the class is an array, whose {@code hashCode} is the identity hash. */
    @Override
    public boolean isKeyType() {
        return !typeClass.isArray();
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new DynamicSerializer<>(typeClass);
    }

    @Override
    public String toString() {
        return "GenericType<" + typeClass.getName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null
                && obj.getClass() == getClass()
                && ((GenericTypeInfo<?>) obj).typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return 31 * getClass().getName().hashCode() + typeClass.getName().hashCode();
    }
}
