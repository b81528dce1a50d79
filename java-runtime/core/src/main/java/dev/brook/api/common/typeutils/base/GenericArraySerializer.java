package dev.brook.api.common.typeutils.base;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Serializes arrays of objects, including a null array and null elements, in the same form as
 * {@link ListSerializer}: a var-int of (length + 1), then groups of up to eight elements, each led
 * by a null-mask byte.
 *
 * @param <C> the component type of the array
 */
public final class GenericArraySerializer<C> extends TypeSerializer<C[]> {

    private static final long serialVersionUID = 1L;

    private final Class<C> componentClass;
    private final TypeSerializer<C> componentSerializer;

    public GenericArraySerializer(Class<C> componentClass, TypeSerializer<C> componentSerializer) {
        this.componentClass = Objects.requireNonNull(componentClass, "componentClass");
        this.componentSerializer =
                Objects.requireNonNull(componentSerializer, "componentSerializer");
    }

    public Class<C> getComponentClass() {
        return componentClass;
    }

    public TypeSerializer<C> getComponentSerializer() {
        return componentSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<C[]> duplicate() {
        TypeSerializer<C> duplicate = componentSerializer.duplicate();
        return duplicate == componentSerializer
                ? this
                : new GenericArraySerializer<>(componentClass, duplicate);
    }

    @Override
    public C[] createInstance() {
        return newArray(0);
    }

    @SuppressWarnings("unchecked") // Array.newInstance(componentClass, n) is a C[]
    private C[] newArray(int length) {
        return (C[]) Array.newInstance(componentClass, length);
    }

    @Override
    public C[] copy(C[] from) {
        if (from == null) {
            return null;
        }
        C[] copy = newArray(from.length);
        for (int i = 0; i < from.length; i++) {
            C element = from[i];
            copy[i] = element == null ? null : componentSerializer.copy(element);
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(C[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeVarInt(0);
            return;
        }
        target.writeVarInt(record.length + 1);
        for (int start = 0; start < record.length; start += 8) {
            int end = Math.min(start + 8, record.length);
            int nullMask = 0;
            for (int i = start; i < end; i++) {
                if (record[i] == null) {
                    nullMask |= 1 << (i - start);
                }
            }
            target.writeByte(nullMask);
            for (int i = start; i < end; i++) {
                if (record[i] != null) {
                    componentSerializer.serialize(record[i], target);
                }
            }
        }
    }

    @Override
    public C[] deserialize(DataInputView source) throws IOException {
        int lengthPlusOne = source.readVarInt();
        if (lengthPlusOne == 0) {
            return null;
        }
        C[] array = newArray(lengthPlusOne - 1);
        for (int start = 0; start < array.length; start += 8) {
            int end = Math.min(start + 8, array.length);
            int nullMask = source.readUnsignedByte();
            for (int i = start; i < end; i++) {
                if ((nullMask & (1 << (i - start))) == 0) {
                    array[i] = componentSerializer.deserialize(source);
                }
            }
        }
        return array;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof GenericArraySerializer)) {
            return false;
        }
        GenericArraySerializer<?> other = (GenericArraySerializer<?>) obj;
        return componentClass == other.componentClass
                && componentSerializer.equals(other.componentSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * componentClass.getName().hashCode() + componentSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "GenericArraySerializer<" + componentClass.getName() + ">";
    }
}
