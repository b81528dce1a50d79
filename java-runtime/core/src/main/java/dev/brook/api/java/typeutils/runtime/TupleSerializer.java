package dev.brook.api.java.typeutils.runtime;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.tuple.Tuple;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import dev.brook.types.NullFieldException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializes tuples as their fields in order, each by its own serializer, with no header. Whether a
 * field may be null is up to its serializer (strings may be null, boxed numbers may not; a null
 * that cannot be written raises a {@link NullFieldException} naming the field).
 *
 * <p>Tuples of the classes {@code Tuple0} to {@code Tuple25} are created without reflection;
 * subclasses through their public no-argument constructor, looked up once.
 */
public final class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> tupleClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final int arity;

    /** True for exactly {@code Tuple<arity>}, which {@link Tuple#newInstance} creates. */
    private final boolean plainTupleClass;

    /** The no-argument constructor of a tuple subclass, typed {@code ()Object}; else null. */
    private transient MethodHandle constructor;

    @SuppressWarnings("unchecked") // each field serializer handles the values of its field
    public TupleSerializer(Class<T> tupleClass, TypeSerializer<?>[] fieldSerializers) {
        this.tupleClass = Objects.requireNonNull(tupleClass, "tupleClass");
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.arity = fieldSerializers.length;
        if (arity > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException(
                    "Tuples have at most " + Tuple.MAX_ARITY + " fields, got " + arity);
        }
        this.plainTupleClass = tupleClass == Tuple.getTupleClass(arity);
        this.constructor = lookUpConstructor();
    }

    private MethodHandle lookUpConstructor() {
        if (plainTupleClass) {
            return null;
        }
        try {
            return MethodHandles.publicLookup()
                    .findConstructor(tupleClass, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(
                    "Cannot create instances of tuple class "
                            + tupleClass.getName()
                            + ": it needs a public no-argument constructor (and must be a public,"
                            + " static class).",
                    e);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        constructor = lookUpConstructor();
    }

    public Class<T> getTupleClass() {
        return tupleClass;
    }

    public int getArity() {
        return arity;
    }

    /** The serializers of the fields, by position (a copy). */
    public TypeSerializer<?>[] getFieldSerializers() {
        return fieldSerializers.clone();
    }

    @SuppressWarnings("unchecked") // plainTupleClass: Tuple.newInstance(arity) is a T
    private T instantiate() {
        if (plainTupleClass) {
            return (T) Tuple.newInstance(arity);
        }
        try {
            return (T) (Object) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(
                    "The constructor of tuple class " + tupleClass.getName() + " failed", t);
        }
    }

    @Override
    public boolean isImmutableType() {
        return arity == 0;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<?>[] duplicates = new TypeSerializer<?>[arity];
        boolean changed = false;
        for (int i = 0; i < arity; i++) {
            duplicates[i] = fieldSerializers[i].duplicate();
            changed |= duplicates[i] != fieldSerializers[i];
        }
        return changed ? new TupleSerializer<>(tupleClass, duplicates) : this;
    }

    @Override
    public T createInstance() {
        T tuple = instantiate();
        for (int i = 0; i < arity; i++) {
            tuple.setField(fieldSerializers[i].createInstance(), i);
        }
        return tuple;
    }

    @Override
    public T copy(T from) {
        if (arity == 0) {
            return from;
        }
        T copy = instantiate();
        for (int i = 0; i < arity; i++) {
            Object value = from.getField(i);
            copy.setField(value == null ? null : fieldSerializers[i].copy(value), i);
        }
        return copy;
    }

    @Override
    public int getLength() {
        int length = 0;
        for (TypeSerializer<Object> serializer : fieldSerializers) {
            int fieldLength = serializer.getLength();
            if (fieldLength < 0) {
                return -1;
            }
            length += fieldLength;
        }
        return length;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        int i = 0;
        try {
            for (; i < arity; i++) {
                fieldSerializers[i].serialize(record.getField(i), target);
            }
        } catch (NullPointerException e) {
            // Only reached on failure, so the hot loop stays free of per-field null checks.
            if (record == null) {
                throw new NullPointerException(
                        "Cannot serialize a null "
                                + tupleClass.getSimpleName()
                                + ": tuples must not be null.");
            }
            if (i < arity && record.getField(i) == null) {
                throw new NullFieldException(i, e);
            }
            throw e;
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        T tuple = instantiate();
        for (int i = 0; i < arity; i++) {
            tuple.setField(fieldSerializers[i].deserialize(source), i);
        }
        return tuple;
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        if (reuse == null) {
            return deserialize(source);
        }
        for (int i = 0; i < arity; i++) {
            reuse.setField(fieldSerializers[i].deserialize(reuse.getField(i), source), i);
        }
        return reuse;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof TupleSerializer)) {
            return false;
        }
        TupleSerializer<?> other = (TupleSerializer<?>) obj;
        return tupleClass == other.tupleClass
                && Arrays.equals(fieldSerializers, other.fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * tupleClass.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "TupleSerializer<"
                + tupleClass.getSimpleName()
                + Arrays.toString(fieldSerializers)
                + ">";
    }
}
