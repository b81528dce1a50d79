package dev.brook.api.java.typeutils.runtime;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.BigDecSerializer;
import dev.brook.api.common.typeutils.base.BigIntSerializer;
import dev.brook.api.common.typeutils.base.InstantSerializer;
import dev.brook.api.common.typeutils.base.LocalDateSerializer;
import dev.brook.api.common.typeutils.base.LocalDateTimeSerializer;
import dev.brook.api.common.typeutils.base.LocalTimeSerializer;
import dev.brook.api.common.typeutils.base.StringSerializer;
import dev.brook.api.java.tuple.Tuple;
import dev.brook.api.java.typeutils.GenericTypeInfo;
import dev.brook.api.java.typeutils.TypeExtractor;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import dev.brook.types.Row;
import dev.brook.types.RowKind;
import dev.brook.types.RowUtils;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serializes values whose type is not known statically: each value is written with a one-byte tag
 * that says how to read it back. This is what makes lambdas work without {@code .returns(...)}:
 * their output, whatever it turns out to be, goes through this serializer.
 *
 * <p>Tags:
 *
 * <ul>
 *   <li>null; the common immutable types (String, the boxed primitives, BigInteger, BigDecimal,
 *       Instant, LocalDate, LocalTime, LocalDateTime), written as by their own serializers;
 *   <li>{@code byte[]}, {@code int[]}, {@code long[]}, {@code double[]};
 *   <li>{@code Tuple0} to {@code Tuple25} (exactly these classes), each field written dynamically;
 *   <li>{@link Row}: kind, arity, then each field dynamically; name-based rows write name and value
 *       pairs (the names of position-based rows with names are not kept);
 *   <li>lists: {@link ArrayList} and lists that cannot be created by a public no-argument
 *       constructor ({@code List.of}, {@code Arrays.asList}, unmodifiable views), read back as
 *       {@code ArrayList}; maps likewise, read back as {@link HashMap};
 *   <li>the declared class: the payload of that class's serializer, without naming the class;
 *   <li>any other class: its name, then the payload of the serializer that {@link TypeExtractor}
 *       creates for that class (POJO, tuple subclass, enum, array, ...), or, for classes it can
 *       only treat as generic, a {@link ReflectiveSerializer}.
 * </ul>
 *
 * <p>Serializers for classes met at runtime are created on first use and cached by class and by
 * name, so the per-record cost is a tag dispatch (plus a class name for the last case). The caches
 * make instances stateful: {@link #duplicate()} returns a fresh instance, and an instance must be
 * used by one thread.
 */
public final class DynamicSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    // Tags; they are part of the serialized form and must never change.
    private static final int NULL = 0;
    private static final int DECLARED = 1;
    private static final int CLASS_NAME = 2;
    private static final int STRING = 3;
    private static final int INT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int FLOAT = 7;
    private static final int FALSE = 8;
    private static final int TRUE = 9;
    private static final int SHORT = 10;
    private static final int BYTE = 11;
    private static final int CHAR = 12;
    private static final int BIG_INT = 13;
    private static final int BIG_DEC = 14;
    private static final int INSTANT = 15;
    private static final int LOCAL_DATE = 16;
    private static final int LOCAL_TIME = 17;
    private static final int LOCAL_DATE_TIME = 18;
    private static final int BYTES = 19;
    private static final int INTS = 20;
    private static final int LONGS = 21;
    private static final int DOUBLES = 22;
    private static final int LIST = 23;
    private static final int MAP = 24;
    private static final int ROW = 25;
    private static final int NAMED_ROW = 26;
    private static final int TUPLE_0 = 32;
    private static final int TUPLE_MAX = TUPLE_0 + Tuple.MAX_ARITY;

    /** The tag of a class, or {@link #OTHER}; computed once per class. */
    private static final ClassValue<Integer> TAGS =
            new ClassValue<>() {
                @Override
                protected Integer computeValue(Class<?> type) {
                    return tagOf(type);
                }
            };

    /** Pseudo-tag for classes written as {@link #DECLARED} or {@link #CLASS_NAME}. */
    private static final int OTHER = -1;

    /** Pseudo-tag for Boolean, written as {@link #TRUE} or {@link #FALSE}. */
    private static final int BOOLEAN = -2;

    private final Class<T> declaredClass;

    /** Per runtime class met so far. */
    private transient Map<Class<?>, TypeSerializer<Object>> serializersByClass;

    /** The same serializers, by class name, for reading. */
    private transient Map<String, TypeSerializer<Object>> serializersByName;

    /** Serializer of {@link #declaredClass}, created on first use. */
    private transient TypeSerializer<Object> declaredSerializer;

    /** Values of any class. */
    public DynamicSerializer() {
        this(null);
    }

    /**
     * Values declared as {@code declaredClass} (or null for any class). Values of exactly that
     * class are written without their class name.
     */
    @SuppressWarnings("unchecked") // Object stands for "any class" when none is given
    public DynamicSerializer(Class<T> declaredClass) {
        this.declaredClass = declaredClass == null ? (Class<T>) Object.class : declaredClass;
        initCaches();
    }

    private void initCaches() {
        serializersByClass = new HashMap<>();
        serializersByName = new HashMap<>();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        initCaches();
    }

    public Class<T> getDeclaredClass() {
        return declaredClass;
    }

    private static int tagOf(Class<?> c) {
        if (c == String.class) {
            return STRING;
        } else if (c == Integer.class) {
            return INT;
        } else if (c == Long.class) {
            return LONG;
        } else if (c == Double.class) {
            return DOUBLE;
        } else if (c == Float.class) {
            return FLOAT;
        } else if (c == Boolean.class) {
            return BOOLEAN;
        } else if (c == Short.class) {
            return SHORT;
        } else if (c == Byte.class) {
            return BYTE;
        } else if (c == Character.class) {
            return CHAR;
        } else if (c == BigInteger.class) {
            return BIG_INT;
        } else if (c == BigDecimal.class) {
            return BIG_DEC;
        } else if (c == Instant.class) {
            return INSTANT;
        } else if (c == LocalDate.class) {
            return LOCAL_DATE;
        } else if (c == LocalTime.class) {
            return LOCAL_TIME;
        } else if (c == LocalDateTime.class) {
            return LOCAL_DATE_TIME;
        } else if (c == byte[].class) {
            return BYTES;
        } else if (c == int[].class) {
            return INTS;
        } else if (c == long[].class) {
            return LONGS;
        } else if (c == double[].class) {
            return DOUBLES;
        } else if (c == Row.class) {
            return ROW;
        } else if (Tuple.class.isAssignableFrom(c)) {
            for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
                if (c == Tuple.getTupleClass(arity)) {
                    return TUPLE_0 + arity;
                }
            }
        } else if (c == ArrayList.class
                || (List.class.isAssignableFrom(c) && !hasPublicNoArgConstructor(c))) {
            return LIST;
        } else if (c == HashMap.class
                || (Map.class.isAssignableFrom(c) && !hasPublicNoArgConstructor(c))) {
            return MAP;
        }
        return OTHER;
    }

    private static boolean hasPublicNoArgConstructor(Class<?> c) {
        if (!Modifier.isPublic(c.getModifiers())) {
            return false;
        }
        try {
            c.getConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new DynamicSerializer<>(declaredClass);
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked") // copyValue returns a value of the class of its argument
    public T copy(T from) {
        return (T) copyValue(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        write(record, target);
    }

    @Override
    @SuppressWarnings("unchecked") // values were written from a T
    public T deserialize(DataInputView source) throws IOException {
        return (T) read(source);
    }

    private void write(Object value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
            return;
        }
        Class<?> c = value.getClass();
        int tag = TAGS.get(c);
        switch (tag) {
            case STRING:
                out.writeByte(STRING);
                StringSerializer.writeString((String) value, out);
                return;
            case INT:
                out.writeByte(INT);
                out.writeInt((Integer) value);
                return;
            case LONG:
                out.writeByte(LONG);
                out.writeLong((Long) value);
                return;
            case DOUBLE:
                out.writeByte(DOUBLE);
                out.writeDouble((Double) value);
                return;
            case FLOAT:
                out.writeByte(FLOAT);
                out.writeFloat((Float) value);
                return;
            case BOOLEAN:
                out.writeByte((Boolean) value ? TRUE : FALSE);
                return;
            case SHORT:
                out.writeByte(SHORT);
                out.writeShort((Short) value);
                return;
            case BYTE:
                out.writeByte(BYTE);
                out.writeByte((Byte) value);
                return;
            case CHAR:
                out.writeByte(CHAR);
                out.writeChar((Character) value);
                return;
            case BIG_INT:
                out.writeByte(BIG_INT);
                BigIntSerializer.writeBigInteger((BigInteger) value, out);
                return;
            case BIG_DEC:
                out.writeByte(BIG_DEC);
                BigDecSerializer.INSTANCE.serialize((BigDecimal) value, out);
                return;
            case INSTANT:
                out.writeByte(INSTANT);
                InstantSerializer.INSTANCE.serialize((Instant) value, out);
                return;
            case LOCAL_DATE:
                out.writeByte(LOCAL_DATE);
                LocalDateSerializer.INSTANCE.serialize((LocalDate) value, out);
                return;
            case LOCAL_TIME:
                out.writeByte(LOCAL_TIME);
                LocalTimeSerializer.INSTANCE.serialize((LocalTime) value, out);
                return;
            case LOCAL_DATE_TIME:
                out.writeByte(LOCAL_DATE_TIME);
                LocalDateTimeSerializer.INSTANCE.serialize((LocalDateTime) value, out);
                return;
            case BYTES:
                byte[] bytes = (byte[]) value;
                out.writeByte(BYTES);
                out.writeVarInt(bytes.length);
                out.write(bytes);
                return;
            case INTS:
                int[] ints = (int[]) value;
                out.writeByte(INTS);
                out.writeVarInt(ints.length);
                for (int v : ints) {
                    out.writeInt(v);
                }
                return;
            case LONGS:
                long[] longs = (long[]) value;
                out.writeByte(LONGS);
                out.writeVarInt(longs.length);
                for (long v : longs) {
                    out.writeLong(v);
                }
                return;
            case DOUBLES:
                double[] doubles = (double[]) value;
                out.writeByte(DOUBLES);
                out.writeVarInt(doubles.length);
                for (double v : doubles) {
                    out.writeDouble(v);
                }
                return;
            case LIST:
                List<?> list = (List<?>) value;
                out.writeByte(LIST);
                out.writeVarInt(list.size());
                for (Object element : list) {
                    write(element, out);
                }
                return;
            case MAP:
                Map<?, ?> map = (Map<?, ?>) value;
                out.writeByte(MAP);
                out.writeVarInt(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(e.getKey(), out);
                    write(e.getValue(), out);
                }
                return;
            case ROW:
                writeRow((Row) value, out);
                return;
            case OTHER:
                writeOther(value, c, out);
                return;
            default:
                Tuple tuple = (Tuple) value;
                out.writeByte(tag);
                for (int i = 0, arity = tag - TUPLE_0; i < arity; i++) {
                    write(tuple.getField(i), out);
                }
        }
    }

    private void writeRow(Row row, DataOutputView out) throws IOException {
        Map<String, Object> byName = RowUtils.fieldsByName(row);
        if (byName == null) {
            Object[] fields = RowUtils.fieldsByPosition(row);
            out.writeByte(ROW);
            out.writeByte(row.getKind().toByteValue());
            out.writeVarInt(fields.length);
            for (Object field : fields) {
                write(field, out);
            }
        } else {
            out.writeByte(NAMED_ROW);
            out.writeByte(row.getKind().toByteValue());
            out.writeVarInt(byName.size());
            for (Map.Entry<String, Object> e : byName.entrySet()) {
                StringSerializer.writeString(e.getKey(), out);
                write(e.getValue(), out);
            }
        }
    }

    private void writeOther(Object value, Class<?> c, DataOutputView out) throws IOException {
        if (c == declaredClass) {
            out.writeByte(DECLARED);
            declaredSerializer().serialize(value, out);
            return;
        }
        if (value instanceof Enum) {
            // Constants with bodies are instances of anonymous subclasses; name the enum itself.
            c = ((Enum<?>) value).getDeclaringClass();
        }
        if (c.isHidden()) {
            throw new IllegalArgumentException(
                    "Cannot serialize an instance of "
                            + c.getName()
                            + ": it is a hidden class (such as a lambda), which cannot be loaded"
                            + " by name when reading. Emit a data object instead.");
        }
        out.writeByte(CLASS_NAME);
        StringSerializer.writeString(c.getName(), out);
        serializerFor(c).serialize(value, out);
    }

    private Object read(DataInputView in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL:
                return null;
            case DECLARED:
                return declaredSerializer().deserialize(in);
            case CLASS_NAME:
                return serializerFor(StringSerializer.readString(in)).deserialize(in);
            case STRING:
                return StringSerializer.readString(in);
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case FLOAT:
                return in.readFloat();
            case FALSE:
                return Boolean.FALSE;
            case TRUE:
                return Boolean.TRUE;
            case SHORT:
                return in.readShort();
            case BYTE:
                return in.readByte();
            case CHAR:
                return in.readChar();
            case BIG_INT:
                return BigIntSerializer.readBigInteger(in);
            case BIG_DEC:
                return BigDecSerializer.INSTANCE.deserialize(in);
            case INSTANT:
                return InstantSerializer.INSTANCE.deserialize(in);
            case LOCAL_DATE:
                return LocalDateSerializer.INSTANCE.deserialize(in);
            case LOCAL_TIME:
                return LocalTimeSerializer.INSTANCE.deserialize(in);
            case LOCAL_DATE_TIME:
                return LocalDateTimeSerializer.INSTANCE.deserialize(in);
            case BYTES:
                byte[] bytes = new byte[in.readVarInt()];
                in.readFully(bytes);
                return bytes;
            case INTS:
                int[] ints = new int[in.readVarInt()];
                for (int i = 0; i < ints.length; i++) {
                    ints[i] = in.readInt();
                }
                return ints;
            case LONGS:
                long[] longs = new long[in.readVarInt()];
                for (int i = 0; i < longs.length; i++) {
                    longs[i] = in.readLong();
                }
                return longs;
            case DOUBLES:
                double[] doubles = new double[in.readVarInt()];
                for (int i = 0; i < doubles.length; i++) {
                    doubles[i] = in.readDouble();
                }
                return doubles;
            case LIST:
                int size = in.readVarInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                return list;
            case MAP:
                int entries = in.readVarInt();
                Map<Object, Object> map = new HashMap<>(capacityFor(entries));
                for (int i = 0; i < entries; i++) {
                    Object key = read(in);
                    map.put(key, read(in));
                }
                return map;
            case ROW:
                RowKind kind = RowKind.fromByteValue(in.readByte());
                Object[] fields = new Object[in.readVarInt()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = read(in);
                }
                return RowUtils.createRowWithPositions(kind, fields);
            case NAMED_ROW:
                Row row = Row.withNames(RowKind.fromByteValue(in.readByte()));
                for (int i = 0, n = in.readVarInt(); i < n; i++) {
                    String name = StringSerializer.readString(in);
                    row.setField(name, read(in));
                }
                return row;
            default:
                if (tag < TUPLE_0 || tag > TUPLE_MAX) {
                    throw new IOException(
                            "Unknown type tag "
                                    + tag
                                    + " in dynamically typed data. The bytes were not written by"
                                    + " DynamicSerializer, or the stream is misaligned (a"
                                    + " serializer read more or fewer bytes than it wrote).");
                }
                Tuple tuple = Tuple.newInstance(tag - TUPLE_0);
                for (int i = 0, arity = tag - TUPLE_0; i < arity; i++) {
                    tuple.setField(read(in), i);
                }
                return tuple;
        }
    }

    private static int capacityFor(int size) {
        return size < 3 ? size + 1 : (int) (size / 0.75f + 1.0f);
    }

    private Object copyValue(Object value) {
        if (value == null) {
            return null;
        }
        Class<?> c = value.getClass();
        int tag = TAGS.get(c);
        switch (tag) {
            case BYTES:
                return ((byte[]) value).clone();
            case INTS:
                return ((int[]) value).clone();
            case LONGS:
                return ((long[]) value).clone();
            case DOUBLES:
                return ((double[]) value).clone();
            case LIST:
                List<?> list = (List<?>) value;
                List<Object> listCopy = new ArrayList<>(list.size());
                for (Object element : list) {
                    listCopy.add(copyValue(element));
                }
                return listCopy;
            case MAP:
                Map<?, ?> map = (Map<?, ?>) value;
                Map<Object, Object> mapCopy = new HashMap<>(capacityFor(map.size()));
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    mapCopy.put(copyValue(e.getKey()), copyValue(e.getValue()));
                }
                return mapCopy;
            case ROW:
                return copyRow((Row) value);
            case OTHER:
                if (c == declaredClass) {
                    return declaredSerializer().copy(value);
                }
                return value instanceof Enum ? value : serializerFor(c).copy(value);
            default:
                if (tag < TUPLE_0) {
                    return value; // immutable
                }
                Tuple tuple = (Tuple) value;
                Tuple tupleCopy = Tuple.newInstance(tag - TUPLE_0);
                for (int i = 0, arity = tag - TUPLE_0; i < arity; i++) {
                    tupleCopy.setField(copyValue(tuple.getField(i)), i);
                }
                return tupleCopy;
        }
    }

    private Row copyRow(Row row) {
        Map<String, Object> byName = RowUtils.fieldsByName(row);
        if (byName != null) {
            Row copy = Row.withNames(row.getKind());
            for (Map.Entry<String, Object> e : byName.entrySet()) {
                copy.setField(e.getKey(), copyValue(e.getValue()));
            }
            return copy;
        }
        Object[] fields = RowUtils.fieldsByPosition(row);
        Object[] copied = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            copied[i] = copyValue(fields[i]);
        }
        LinkedHashMap<String, Integer> names = RowUtils.positionsByName(row);
        return names == null
                ? RowUtils.createRowWithPositions(row.getKind(), copied)
                : RowUtils.createRowWithNamedPositions(row.getKind(), copied, names);
    }

    private TypeSerializer<Object> declaredSerializer() {
        TypeSerializer<Object> serializer = declaredSerializer;
        if (serializer == null) {
            serializer = declaredSerializer = exactSerializer(declaredClass);
        }
        return serializer;
    }

    private TypeSerializer<Object> serializerFor(Class<?> c) {
        TypeSerializer<Object> serializer = serializersByClass.get(c);
        if (serializer == null) {
            serializer = exactSerializer(c);
            serializersByClass.put(c, serializer);
            serializersByName.put(c.getName(), serializer);
        }
        return serializer;
    }

    private TypeSerializer<Object> serializerFor(String className) throws IOException {
        TypeSerializer<Object> serializer = serializersByName.get(className);
        if (serializer == null) {
            serializer = serializerFor(loadClass(className));
        }
        return serializer;
    }

    private Class<?> loadClass(String className) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = DynamicSerializer.class.getClassLoader();
        }
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IOException(
                    "Cannot load class "
                            + className
                            + " named in dynamically typed data. Make sure the class is on the"
                            + " class path of every process that reads the data.",
                    e);
        }
    }

    /**
     * A serializer for values of exactly class {@code c}: the one of its extracted type if that is
     * more than a generic type, otherwise a {@link ReflectiveSerializer} (using another
     * DynamicSerializer would recurse forever).
     */
    @SuppressWarnings("unchecked") // the serializer handles values of class c, which are Objects
    private static TypeSerializer<Object> exactSerializer(Class<?> c) {
        TypeInformation<?> info = TypeExtractor.createTypeInfo(c);
        if (info instanceof GenericTypeInfo) {
            return new ReflectiveSerializer<>((Class<Object>) c);
        }
        return (TypeSerializer<Object>) info.createSerializer();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof DynamicSerializer
                && ((DynamicSerializer<?>) obj).declaredClass == declaredClass;
    }

    @Override
    public int hashCode() {
        return 31 * DynamicSerializer.class.getName().hashCode()
                + declaredClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return "DynamicSerializer<" + declaredClass.getName() + ">";
    }

    /** Visible for tests: the number of runtime classes this instance has serializers for. */
    int cachedClassCount() {
        return serializersByClass.size();
    }
}
