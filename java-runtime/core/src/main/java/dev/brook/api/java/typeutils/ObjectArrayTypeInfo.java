package dev.brook.api.java.typeutils;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.GenericArraySerializer;
import java.util.Objects;

/**
 * Type information of arrays of objects with a component type of its own type information. Arrays
 * and elements may be null.
 *
 * @param <T> the array type
 * @param <C> the component type
 */
public final class ObjectArrayTypeInfo<T, C> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> arrayType;
    private final TypeInformation<C> componentInfo;

    private ObjectArrayTypeInfo(Class<T> arrayType, TypeInformation<C> componentInfo) {
        this.arrayType = Objects.requireNonNull(arrayType, "arrayType");
        this.componentInfo = Objects.requireNonNull(componentInfo, "componentInfo");
    }

    /**
     * Arrays of class {@code arrayClass} whose elements are described by {@code componentInfo}.
     *
     * @throws IllegalArgumentException if {@code arrayClass} is not an array of objects
     */
    public static <T, C> ObjectArrayTypeInfo<T, C> getInfoFor(
            Class<T> arrayClass, TypeInformation<C> componentInfo) {
        if (!arrayClass.isArray() || arrayClass.getComponentType().isPrimitive()) {
            throw new IllegalArgumentException(
                    arrayClass.getName()
                            + " is not an array of objects; use PrimitiveArrayTypeInfo for arrays"
                            + " of primitives.");
        }
        return new ObjectArrayTypeInfo<>(arrayClass, componentInfo);
    }

    /** Arrays whose elements are described by {@code componentInfo}. */
    @SuppressWarnings("unchecked") // arrayType() of the class of C is the class of C[]
    public static <C> ObjectArrayTypeInfo<C[], C> getInfoFor(TypeInformation<C> componentInfo) {
        return new ObjectArrayTypeInfo<>(
                (Class<C[]>) componentInfo.getTypeClass().arrayType(), componentInfo);
    }

    public TypeInformation<C> getComponentInfo() {
        return componentInfo;
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
        return arrayType;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked") // the component class of T is the class of C
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        Class<C> componentClass = (Class<C>) arrayType.getComponentType();
        return (TypeSerializer<T>)
                new GenericArraySerializer<>(
                        componentClass, componentInfo.createSerializer(config));
    }

    @Override
    public String toString() {
        return "ObjectArrayTypeInfo<" + componentInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof ObjectArrayTypeInfo)) {
            return false;
        }
        ObjectArrayTypeInfo<?, ?> other = (ObjectArrayTypeInfo<?, ?>) obj;
        return arrayType == other.arrayType && componentInfo.equals(other.componentInfo);
    }

    @Override
    public int hashCode() {
        return 31 * arrayType.getName().hashCode() + componentInfo.hashCode();
    }
}
