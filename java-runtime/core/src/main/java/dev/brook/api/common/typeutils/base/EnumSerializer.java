package dev.brook.api.common.typeutils.base;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Objects;

/**
 * Serializes the constants of one enum as their ordinal (a var-int, one byte for enums of up to 128
 * constants). Does not accept null. Reordering the constants of an enum changes the meaning of
 * stored bytes.
 */
public final class EnumSerializer<T extends Enum<T>> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> enumClass;

    /** The constants by ordinal; rebuilt after Java deserialization. */
    private transient T[] values;

    public EnumSerializer(Class<T> enumClass) {
        this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
        if (!enumClass.isEnum()) {
            throw new IllegalArgumentException(
                    enumClass.getName() + " is not an enum; EnumSerializer needs an enum class.");
        }
        this.values = enumClass.getEnumConstants();
    }

    public Class<T> getEnumClass() {
        return enumClass;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public EnumSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return values.length == 0 ? null : values[0];
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (record == null) {
            throw TypeSerializerSingleton.nullNotSupported(enumClass.getName());
        }
        target.writeVarInt(record.ordinal());
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int ordinal = source.readVarInt();
        if (ordinal >= values.length) {
            throw new IOException(
                    "Ordinal "
                            + ordinal
                            + " does not exist in enum "
                            + enumClass.getName()
                            + ", which has "
                            + values.length
                            + " constants. The enum probably changed since the data was written.");
        }
        return values[ordinal];
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        values = enumClass.getEnumConstants();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EnumSerializer && ((EnumSerializer<?>) obj).enumClass == enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return "EnumSerializer<" + enumClass.getName() + ">";
    }
}
