package dev.brook.runtime.serialization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization of plan objects (user functions, operator factories, task configuration),
 * never of records. Deserialization resolves classes through the job's class loader.
 */
public final class JavaSerialization {

    private JavaSerialization() {}

    /**
     * Serializes {@code object}; a non-serializable part fails with a message naming {@code what}
     * and the offending class.
     */
    public static byte[] serialize(Object object, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (NotSerializableException e) {
            throw new NotSerializableFunctionException(
                    "The "
                            + what
                            + " is not serializable: it contains or refers to an object of class '"
                            + e.getMessage()
                            + "', which does not implement java.io.Serializable. Functions are"
                            + " shipped to every parallel task; mark such fields 'transient' and"
                            + " create them in open(), or make the class serializable.",
                    e);
        } catch (IOException e) {
            throw new NotSerializableFunctionException(
                    "The " + what + " could not be serialized: " + e, e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static <T> T deserialize(byte[] bytes, ClassLoader classLoader)
            throws IOException, ClassNotFoundException {
        try (ObjectInputStream in =
                new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            return (T) in.readObject();
        }
    }

    private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader classLoader;

        ClassLoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
            super(in);
            this.classLoader = classLoader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc)
                throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, classLoader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
