package dev.brook.api.java.typeutils.runtime;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializes objects of one class field by field: POJOs through their no-argument constructor and
 * field access, Java records through their canonical constructor. The object and its fields may be
 * null.
 *
 * <p>Form: one byte, 0 for a null object and 1 otherwise; then the fields in the given order. A
 * field of a reference type is preceded by a byte, 0 if it is null and 1 otherwise; fields of
 * primitive types cannot be null and have no such byte. (A per-field flag lets each field be read
 * once; a packed null mask would need every field read twice.)
 *
 * <p>Objects must be of exactly the serializer's class: a subclass would lose its own fields, so it
 * is rejected with an error that says how to declare the type instead.
 *
 * <p>Fields are read and written through method handles built once (see {@link PojoAccessors});
 * nothing is reflected per record. Not thread-safe for records (a buffer of constructor arguments
 * is reused), so {@link #duplicate()} returns a new instance.
 */
public final class PojoSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private static final byte NULL_OBJECT = 0;
    private static final byte PRESENT = 1;

    private final Class<T> clazz;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final String[] fieldNames;
    private final Class<?>[] declaringClasses;
    private final int arity;
    private final boolean isRecord;

    /** Per field, whether it is of a primitive type and therefore never null. */
    private final boolean[] primitive;

    /** Per field, {@code (Object) -> Object}. */
    private transient MethodHandle[] getters;

    /** Per field, {@code (Object, Object) -> void}; null for records. */
    private transient MethodHandle[] setters;

    /** {@code () -> Object}, or {@code (Object[]) -> Object} for records. */
    private transient MethodHandle constructor;

    /** Records only: the canonical-constructor position of each field. */
    private transient int[] componentOfField;

    /** Records only: reused constructor arguments. */
    private transient Object[] componentValues;

    /**
     * @param clazz the exact class of the serialized objects
     * @param fieldSerializers the serializers of the fields, in the order of {@code fields}
     * @param fields the fields to serialize; for records, exactly the record's components
     * @throws IllegalStateException if a field or the constructor cannot be accessed (the message
     *     names the class and field and how to fix it)
     */
    @SuppressWarnings("unchecked") // each field serializer handles the values of its field
    public PojoSerializer(Class<T> clazz, TypeSerializer<?>[] fieldSerializers, Field[] fields) {
        this.clazz = Objects.requireNonNull(clazz, "clazz");
        if (fieldSerializers.length != fields.length) {
            throw new IllegalArgumentException(
                    "Got "
                            + fieldSerializers.length
                            + " serializers for "
                            + fields.length
                            + " fields");
        }
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.arity = fields.length;
        this.fieldNames = new String[arity];
        this.declaringClasses = new Class<?>[arity];
        this.primitive = new boolean[arity];
        for (int i = 0; i < arity; i++) {
            fieldNames[i] = fields[i].getName();
            declaringClasses[i] = fields[i].getDeclaringClass();
            primitive[i] = fields[i].getType().isPrimitive();
        }
        this.isRecord = clazz.isRecord();
        initAccessors(fields);
    }

    private void initAccessors(Field[] fields) {
        getters = new MethodHandle[arity];
        for (int i = 0; i < arity; i++) {
            getters[i] = PojoAccessors.getter(clazz, fields[i]);
        }
        if (isRecord) {
            RecordComponent[] components = clazz.getRecordComponents();
            if (components.length != arity) {
                throw new IllegalArgumentException(
                        "Record "
                                + clazz.getName()
                                + " has "
                                + components.length
                                + " components, but "
                                + arity
                                + " fields were given "
                                + Arrays.toString(fieldNames)
                                + ". A record can only be created with all its components.");
            }
            componentOfField = new int[arity];
            for (int i = 0; i < arity; i++) {
                componentOfField[i] = componentPosition(components, fieldNames[i]);
            }
            componentValues = new Object[arity];
            constructor = PojoAccessors.canonicalConstructor(clazz);
        } else {
            setters = new MethodHandle[arity];
            for (int i = 0; i < arity; i++) {
                setters[i] = PojoAccessors.setter(clazz, fields[i]);
            }
            constructor = PojoAccessors.noArgConstructor(clazz);
        }
    }

    private int componentPosition(RecordComponent[] components, String name) {
        for (int c = 0; c < components.length; c++) {
            if (components[c].getName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "Field '" + name + "' is not a component of record " + clazz.getName());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Field[] fields = new Field[arity];
        for (int i = 0; i < arity; i++) {
            try {
                fields[i] = declaringClasses[i].getDeclaredField(fieldNames[i]);
            } catch (NoSuchFieldException e) {
                throw new IOException(
                        "Field '"
                                + fieldNames[i]
                                + "' of "
                                + declaringClasses[i].getName()
                                + " no longer exists; the class changed since the job was built.",
                        e);
            }
        }
        initAccessors(fields);
    }

    public Class<T> getPojoClass() {
        return clazz;
    }

    /** The serializers of the fields, by position (a copy). */
    public TypeSerializer<?>[] getFieldSerializers() {
        return fieldSerializers.clone();
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<?>[] duplicates = new TypeSerializer<?>[arity];
        Field[] fields = new Field[arity];
        for (int i = 0; i < arity; i++) {
            duplicates[i] = fieldSerializers[i].duplicate();
            try {
                fields[i] = declaringClasses[i].getDeclaredField(fieldNames[i]);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("Field '" + fieldNames[i] + "' disappeared", e);
            }
        }
        return new PojoSerializer<>(clazz, duplicates, fields);
    }

    @Override
    public T createInstance() {
        if (!isRecord) {
            return newInstance();
        }
        for (int i = 0; i < arity; i++) {
            componentValues[componentOfField[i]] = fieldSerializers[i].createInstance();
        }
        return newRecord();
    }

    @Override
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        checkClass(from);
        if (isRecord) {
            for (int i = 0; i < arity; i++) {
                Object value = get(i, from);
                componentValues[componentOfField[i]] =
                        value == null ? null : fieldSerializers[i].copy(value);
            }
            return newRecord();
        }
        T copy = newInstance();
        for (int i = 0; i < arity; i++) {
            Object value = get(i, from);
            set(i, copy, value == null ? null : fieldSerializers[i].copy(value));
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeByte(NULL_OBJECT);
            return;
        }
        checkClass(record);
        target.writeByte(PRESENT);
        for (int i = 0; i < arity; i++) {
            Object value = get(i, record);
            if (primitive[i]) {
                fieldSerializers[i].serialize(value, target);
            } else if (value == null) {
                target.writeByte(NULL_OBJECT);
            } else {
                target.writeByte(PRESENT);
                fieldSerializers[i].serialize(value, target);
            }
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        if (source.readByte() == NULL_OBJECT) {
            return null;
        }
        if (isRecord) {
            for (int i = 0; i < arity; i++) {
                componentValues[componentOfField[i]] = readField(i, source);
            }
            return newRecord();
        }
        T object = newInstance();
        for (int i = 0; i < arity; i++) {
            // Null is set too: the constructor may have given the field a non-null default.
            set(i, object, readField(i, source));
        }
        return object;
    }

    private Object readField(int i, DataInputView source) throws IOException {
        if (!primitive[i] && source.readByte() == NULL_OBJECT) {
            return null;
        }
        return fieldSerializers[i].deserialize(source);
    }

    private void checkClass(T record) {
        if (record.getClass() != clazz) {
            throw new IllegalArgumentException(
                    "Cannot serialize an instance of "
                            + record.getClass().getName()
                            + " as POJO type "
                            + clazz.getName()
                            + ": it is of a different class, whose own fields would be lost."
                            + " Declare the stream's type as "
                            + record.getClass().getSimpleName()
                            + " (e.g. .returns("
                            + record.getClass().getSimpleName()
                            + ".class)), or as Types.GENERIC("
                            + clazz.getSimpleName()
                            + ".class), which accepts subclasses.");
        }
    }

    private Object get(int field, Object record) {
        try {
            return (Object) getters[field].invokeExact(record);
        } catch (Throwable t) {
            throw accessFailure("read", field, t);
        }
    }

    private void set(int field, Object record, Object value) {
        try {
            setters[field].invokeExact(record, value);
        } catch (Throwable t) {
            throw accessFailure("write", field, t);
        }
    }

    @SuppressWarnings("unchecked") // the constructor creates instances of clazz
    private T newInstance() {
        try {
            return (T) (Object) constructor.invokeExact();
        } catch (Throwable t) {
            throw accessFailure("create", -1, t);
        }
    }

    @SuppressWarnings("unchecked") // the canonical constructor creates instances of clazz
    private T newRecord() {
        try {
            return (T) (Object) constructor.invokeExact(componentValues);
        } catch (Throwable t) {
            throw accessFailure("create", -1, t);
        } finally {
            // Do not keep the values of the last record alive.
            Arrays.fill(componentValues, null);
        }
    }

    private RuntimeException accessFailure(String what, int field, Throwable t) {
        if (t instanceof Error) {
            throw (Error) t;
        }
        String subject =
                field < 0
                        ? "an instance of " + clazz.getName()
                        : "field '" + fieldNames[field] + "' of " + clazz.getName();
        return new IllegalStateException("Failed to " + what + " " + subject + ": " + t, t);
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PojoSerializer)) {
            return false;
        }
        PojoSerializer<?> other = (PojoSerializer<?>) obj;
        return clazz == other.clazz
                && Arrays.equals(fieldNames, other.fieldNames)
                && Arrays.equals(fieldSerializers, other.fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * clazz.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "PojoSerializer<" + clazz.getName() + Arrays.toString(fieldNames) + ">";
    }
}
