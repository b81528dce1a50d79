package dev.brook.api.java.typeutils;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.EnumSerializer;
import java.util.Objects;

/** Type information of the constants of one enum, serialized by ordinal. Null is not allowed. */
public final class EnumTypeInfo<T extends Enum<T>> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> enumClass;

    public EnumTypeInfo(Class<T> enumClass) {
        this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
        if (!enumClass.isEnum()) {
            throw new IllegalArgumentException(
                    enumClass.getName() + " is not an enum; EnumTypeInfo needs an enum class.");
        }
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
        return enumClass;
    }

    /**
     * True. Note that an enum's {@code hashCode} is its identity hash, which differs between
     * processes; partitioning by key must not rely on it.
     */
    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new EnumSerializer<>(enumClass);
    }

    @Override
    public String toString() {
        return "EnumTypeInfo<" + enumClass.getName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EnumTypeInfo && ((EnumTypeInfo<?>) obj).enumClass == enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.getName().hashCode();
    }
}
