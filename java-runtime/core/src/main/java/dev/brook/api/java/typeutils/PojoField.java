package dev.brook.api.java.typeutils;

import dev.brook.api.common.typeinfo.TypeInformation;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Objects;

/** One field of a {@link PojoTypeInfo}: the reflected field and the type of its values. */
public final class PojoField implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Not serializable by itself; written as declaring class and name. */
    private transient Field field;

    private final TypeInformation<?> type;

    public PojoField(Field field, TypeInformation<?> type) {
        this.field = Objects.requireNonNull(field, "field");
        this.type = Objects.requireNonNull(type, "type");
    }

    public Field getField() {
        return field;
    }

    public TypeInformation<?> getTypeInformation() {
        return type;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(field.getDeclaringClass());
        out.writeUTF(field.getName());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Class<?> declaringClass = (Class<?>) in.readObject();
        String name = in.readUTF();
        try {
            field = declaringClass.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IOException(
                    "Field '"
                            + name
                            + "' of "
                            + declaringClass.getName()
                            + " no longer exists; the class changed since the type was created.",
                    e);
        }
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PojoField)) {
            return false;
        }
        PojoField other = (PojoField) obj;
        return field.equals(other.field) && type.equals(other.type);
    }

    @Override
    public int hashCode() {
        return 31 * field.hashCode() + type.hashCode();
    }

    @Override
    public String toString() {
        return field.getName() + ": " + type;
    }
}
