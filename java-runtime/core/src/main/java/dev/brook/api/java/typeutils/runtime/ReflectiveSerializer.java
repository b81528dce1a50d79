package dev.brook.api.java.typeutils.runtime;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.typeutils.TypeExtractor;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serializes values of exactly one class that the type extractor could only treat as generic (not a
 * POJO, tuple, enum, ...). Used by {@link DynamicSerializer} for such classes. The way of
 * serializing is chosen once per class, in this order:
 *
 * <ol>
 *   <li>a {@link Collection} or {@link Map} with a no-argument constructor: size, then elements (or
 *       keys and values) written dynamically; the class is kept, other state of the collection
 *       (such as a comparator) is not;
 *   <li>a record: its components, through the canonical constructor;
 *   <li>a class with a no-argument constructor (of any visibility) whose fields reflection can
 *       access: all non-static, non-transient fields, as {@link PojoSerializer} does;
 *   <li>a {@link Serializable} class: Java serialization, length-prefixed. Slow; a last resort for
 *       library classes whose fields are closed to reflection.
 * </ol>
 *
 * <p>A class that fits none of these can still be declared (so a job whose records of that class
 * are never serialized, e.g. between chained operators, still runs); serializing a value fails with
 * an error that explains how to make the class serializable.
 */
public final class ReflectiveSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> clazz;

    /** The chosen way of serializing; rebuilt after Java deserialization. */
    private transient TypeSerializer<T> strategy;

    public ReflectiveSerializer(Class<T> clazz) {
        this.clazz = Objects.requireNonNull(clazz, "clazz");
        this.strategy = chooseStrategy(clazz);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        strategy = chooseStrategy(clazz);
    }

    @SuppressWarnings("unchecked") // each strategy handles values of clazz
    private static <T> TypeSerializer<T> chooseStrategy(Class<T> clazz) {
        MethodHandle constructor = tryNoArgConstructor(clazz);
        if (constructor != null && Collection.class.isAssignableFrom(clazz)) {
            return (TypeSerializer<T>) new CollectionStrategy(clazz, constructor);
        }
        if (constructor != null && Map.class.isAssignableFrom(clazz)) {
            return (TypeSerializer<T>) new MapStrategy(clazz, constructor);
        }
        List<String> failures = new ArrayList<>();
        if (clazz.isRecord() || constructor != null) {
            try {
                return fieldStrategy(clazz);
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        } else {
            failures.add("it has no no-argument constructor");
        }
        if (Serializable.class.isAssignableFrom(clazz)) {
            return new JavaSerializationStrategy<>(clazz);
        }
        failures.add("it does not implement Serializable");
        return new UnsupportedStrategy<>(clazz, String.join("; ", failures));
    }

    private static MethodHandle tryNoArgConstructor(Class<?> clazz) {
        if (clazz.isInterface() || Modifier.isAbstract(clazz.getModifiers())) {
            return null;
        }
        try {
            return PojoAccessors.noArgConstructor(clazz);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> TypeSerializer<T> fieldStrategy(Class<T> clazz) {
        List<Field> fields = new ArrayList<>();
        if (clazz.isRecord()) {
            for (RecordComponent component : clazz.getRecordComponents()) {
                try {
                    fields.add(clazz.getDeclaredField(component.getName()));
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(
                            "record component '" + component.getName() + "' has no field", e);
                }
            }
        } else {
            for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int modifiers = f.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                        fields.add(f);
                    }
                }
            }
        }
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[fields.size()];
        for (int i = 0; i < serializers.length; i++) {
            serializers[i] =
                    TypeExtractor.createTypeInfo(fields.get(i).getGenericType()).createSerializer();
        }
        return new PojoSerializer<>(clazz, serializers, fields.toArray(new Field[0]));
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new ReflectiveSerializer<>(clazz);
    }

    @Override
    public T createInstance() {
        return strategy.createInstance();
    }

    @Override
    public T copy(T from) {
        return from == null ? null : strategy.copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        strategy.serialize(record, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return strategy.deserialize(source);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ReflectiveSerializer
                && ((ReflectiveSerializer<?>) obj).clazz == clazz;
    }

    @Override
    public int hashCode() {
        return 31 * ReflectiveSerializer.class.getName().hashCode() + clazz.getName().hashCode();
    }

    @Override
    public String toString() {
        return "ReflectiveSerializer<" + clazz.getName() + ": " + strategy + ">";
    }

    /** Base of the strategies: stateful helpers owned by one ReflectiveSerializer. */
    private abstract static class Strategy<T> extends TypeSerializer<T> {

        private static final long serialVersionUID = 1L;

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<T> duplicate() {
            throw new UnsupportedOperationException("duplicate the ReflectiveSerializer instead");
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName();
        }
    }

    /** Collections: var-int size, then each element written dynamically. */
    private static final class CollectionStrategy extends Strategy<Collection<Object>> {

        private static final long serialVersionUID = 1L;

        private final Class<?> clazz;
        private final transient MethodHandle constructor;
        private final DynamicSerializer<Object> elements = new DynamicSerializer<>();

        CollectionStrategy(Class<?> clazz, MethodHandle constructor) {
            this.clazz = clazz;
            this.constructor = constructor;
        }

        @Override
        @SuppressWarnings("unchecked") // the constructor creates a collection of clazz
        public Collection<Object> createInstance() {
            try {
                return (Collection<Object>) (Object) constructor.invokeExact();
            } catch (Throwable t) {
                throw creationFailure(clazz, t);
            }
        }

        @Override
        public Collection<Object> copy(Collection<Object> from) {
            Collection<Object> copy = createInstance();
            for (Object element : from) {
                copy.add(elements.copy(element));
            }
            return copy;
        }

        @Override
        public void serialize(Collection<Object> record, DataOutputView target) throws IOException {
            target.writeVarInt(record.size());
            for (Object element : record) {
                elements.serialize(element, target);
            }
        }

        @Override
        public Collection<Object> deserialize(DataInputView source) throws IOException {
            int size = source.readVarInt();
            Collection<Object> collection = createInstance();
            for (int i = 0; i < size; i++) {
                collection.add(elements.deserialize(source));
            }
            return collection;
        }
    }

    /** Maps: var-int size, then each key and value written dynamically. */
    private static final class MapStrategy extends Strategy<Map<Object, Object>> {

        private static final long serialVersionUID = 1L;

        private final Class<?> clazz;
        private final transient MethodHandle constructor;
        private final DynamicSerializer<Object> keys = new DynamicSerializer<>();
        private final DynamicSerializer<Object> values = new DynamicSerializer<>();

        MapStrategy(Class<?> clazz, MethodHandle constructor) {
            this.clazz = clazz;
            this.constructor = constructor;
        }

        @Override
        @SuppressWarnings("unchecked") // the constructor creates a map of clazz
        public Map<Object, Object> createInstance() {
            try {
                return (Map<Object, Object>) (Object) constructor.invokeExact();
            } catch (Throwable t) {
                throw creationFailure(clazz, t);
            }
        }

        @Override
        public Map<Object, Object> copy(Map<Object, Object> from) {
            Map<Object, Object> copy = createInstance();
            for (Map.Entry<Object, Object> e : from.entrySet()) {
                copy.put(keys.copy(e.getKey()), values.copy(e.getValue()));
            }
            return copy;
        }

        @Override
        public void serialize(Map<Object, Object> record, DataOutputView target)
                throws IOException {
            target.writeVarInt(record.size());
            for (Map.Entry<Object, Object> e : record.entrySet()) {
                keys.serialize(e.getKey(), target);
                values.serialize(e.getValue(), target);
            }
        }

        @Override
        public Map<Object, Object> deserialize(DataInputView source) throws IOException {
            int size = source.readVarInt();
            Map<Object, Object> map = createInstance();
            for (int i = 0; i < size; i++) {
                Object key = keys.deserialize(source);
                map.put(key, values.deserialize(source));
            }
            return map;
        }
    }

    /** Java serialization, length-prefixed; copies by a serialization round trip. */
    private static final class JavaSerializationStrategy<T> extends Strategy<T> {

        private static final long serialVersionUID = 1L;

        private final Class<T> clazz;

        JavaSerializationStrategy(Class<T> clazz) {
            this.clazz = clazz;
        }

        @Override
        public T createInstance() {
            return null;
        }

        @Override
        public T copy(T from) {
            try {
                return fromBytes(toBytes(from));
            } catch (IOException e) {
                throw new IllegalStateException(
                        "Cannot copy a " + clazz.getName() + " by Java serialization", e);
            }
        }

        @Override
        public void serialize(T record, DataOutputView target) throws IOException {
            byte[] bytes = toBytes(record);
            target.writeVarInt(bytes.length);
            target.write(bytes);
        }

        @Override
        public T deserialize(DataInputView source) throws IOException {
            byte[] bytes = new byte[source.readVarInt()];
            source.readFully(bytes);
            return fromBytes(bytes);
        }

        private byte[] toBytes(T value) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            return bytes.toByteArray();
        }

        private T fromBytes(byte[] bytes) throws IOException {
            ClassLoader loader = clazz.getClassLoader();
            try (ObjectInputStream in =
                    new ObjectInputStream(new ByteArrayInputStream(bytes)) {
                        @Override
                        protected Class<?> resolveClass(ObjectStreamClass desc)
                                throws IOException, ClassNotFoundException {
                            try {
                                return Class.forName(desc.getName(), false, loader);
                            } catch (ClassNotFoundException e) {
                                return super.resolveClass(desc);
                            }
                        }
                    }) {
                return clazz.cast(in.readObject());
            } catch (ClassNotFoundException e) {
                throw new IOException(
                        "Cannot read a Java-serialized " + clazz.getName() + ": " + e.getMessage(),
                        e);
            }
        }
    }

    /** Declared but not serializable: fails with a helpful message when used. */
    private static final class UnsupportedStrategy<T> extends Strategy<T> {

        private static final long serialVersionUID = 1L;

        private final Class<T> clazz;
        private final String reasons;

        UnsupportedStrategy(Class<T> clazz, String reasons) {
            this.clazz = clazz;
            this.reasons = reasons;
        }

        private UnsupportedOperationException failure() {
            return new UnsupportedOperationException(
                    "Cannot serialize values of class "
                            + clazz.getName()
                            + ": "
                            + reasons
                            + ". Make it a POJO (public class with a public no-argument"
                            + " constructor and public fields or getters and setters), a record,"
                            + " or Serializable; or declare the stream's type with"
                            + " .returns(...).");
        }

        @Override
        public T createInstance() {
            return null;
        }

        @Override
        public T copy(T from) {
            throw failure();
        }

        @Override
        public void serialize(T record, DataOutputView target) {
            throw failure();
        }

        @Override
        public T deserialize(DataInputView source) {
            throw failure();
        }
    }

    private static RuntimeException creationFailure(Class<?> clazz, Throwable t) {
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException("Cannot create an instance of " + clazz.getName(), t);
    }
}
