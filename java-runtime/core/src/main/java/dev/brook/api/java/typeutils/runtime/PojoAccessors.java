package dev.brook.api.java.typeutils.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Locale;

/**
 * Builds the method handles through which {@link PojoSerializer} reads, writes and creates objects.
 * Runs once per serializer, never per record.
 *
 * <p>Fields are accessed directly where reflection allows it (classes on the class path, or in
 * packages opened to Brook), and otherwise through public getters and setters. All handles are
 * adapted to {@code Object} signatures so the serializer can call them with {@code invokeExact}.
 */
final class PojoAccessors {

    private static final MethodType GETTER_TYPE = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER_TYPE =
            MethodType.methodType(void.class, Object.class, Object.class);

    private PojoAccessors() {}

    /** A handle {@code (Object pojo) -> Object} reading {@code field}. */
    static MethodHandle getter(Class<?> pojoClass, Field field) {
        Exception failure;
        try {
            makeAccessible(field);
            return MethodHandles.lookup().unreflectGetter(field).asType(GETTER_TYPE);
        } catch (RuntimeException | IllegalAccessException e) {
            failure = e;
        }
        Method getter = publicAccessor(pojoClass, field, false);
        if (getter != null) {
            try {
                return MethodHandles.publicLookup().unreflect(getter).asType(GETTER_TYPE);
            } catch (IllegalAccessException e) {
                failure = e;
            }
        }
        throw new IllegalStateException(
                "Cannot read field '"
                        + field.getName()
                        + "' of POJO class "
                        + pojoClass.getName()
                        + " ("
                        + failure.getMessage()
                        + "). Make the field public, add a public getter get"
                        + capitalize(field.getName())
                        + "(), or open the package to Brook in module-info.java.",
                failure);
    }

    /** A handle {@code (Object pojo, Object value) -> void} writing {@code field}. */
    static MethodHandle setter(Class<?> pojoClass, Field field) {
        Exception failure;
        try {
            makeAccessible(field);
            return MethodHandles.lookup().unreflectSetter(field).asType(SETTER_TYPE);
        } catch (RuntimeException | IllegalAccessException e) {
            failure = e;
        }
        Method setter = publicAccessor(pojoClass, field, true);
        if (setter != null) {
            try {
                // Fluent setters return the object; drop the result.
                return MethodHandles.dropReturn(MethodHandles.publicLookup().unreflect(setter))
                        .asType(SETTER_TYPE);
            } catch (IllegalAccessException e) {
                failure = e;
            }
        }
        throw new IllegalStateException(
                "Cannot write field '"
                        + field.getName()
                        + "' of POJO class "
                        + pojoClass.getName()
                        + " ("
                        + failure.getMessage()
                        + "). Make the field public and non-final, add a public setter set"
                        + capitalize(field.getName())
                        + "(...), or open the package to Brook in module-info.java.",
                failure);
    }

    /** A handle {@code () -> Object} creating an instance through the no-argument constructor. */
    static MethodHandle noArgConstructor(Class<?> pojoClass) {
        try {
            Constructor<?> constructor = pojoClass.getDeclaredConstructor();
            makeAccessible(constructor);
            return MethodHandles.lookup()
                    .unreflectConstructor(constructor)
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(
                    "Cannot create instances of "
                            + pojoClass.getName()
                            + ": it has no no-argument constructor. Add a public no-argument"
                            + " constructor.",
                    e);
        } catch (RuntimeException | IllegalAccessException e) {
            throw new IllegalStateException(
                    "Cannot call the no-argument constructor of "
                            + pojoClass.getName()
                            + " ("
                            + e.getMessage()
                            + "). Make the class and the constructor public (and the class static"
                            + " if it is nested).",
                    e);
        }
    }

    /**
     * A handle {@code (Object[] components) -> Object} calling the canonical constructor of a
     * record with its components in declaration order.
     */
    static MethodHandle canonicalConstructor(Class<?> recordClass) {
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = recordClass.getDeclaredConstructor(types);
            makeAccessible(constructor);
            return MethodHandles.lookup()
                    .unreflectConstructor(constructor)
                    .asType(MethodType.genericMethodType(types.length))
                    .asSpreader(Object[].class, types.length);
        } catch (NoSuchMethodException | RuntimeException | IllegalAccessException e) {
            throw new IllegalStateException(
                    "Cannot call the canonical constructor of record "
                            + recordClass.getName()
                            + " ("
                            + e.getMessage()
                            + "). Make the record public, or open its package to Brook.",
                    e);
        }
    }

    private static void makeAccessible(AccessibleObject member) {
        // Public members of public classes need no help; anything else must be opened.
        member.setAccessible(true);
    }

    /**
     * The public getter ({@code getX()}, {@code isX()} or {@code x()}) or setter ({@code setX(..)})
     * of {@code field}, matched case-insensitively as the POJO rules do; or null.
     */
    private static Method publicAccessor(Class<?> clazz, Field field, boolean setter) {
        String name = field.getName().toLowerCase(Locale.ROOT);
        for (Method m : clazz.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String method = m.getName().toLowerCase(Locale.ROOT);
            if (setter
                    && m.getParameterCount() == 1
                    && method.equals("set" + name)
                    && m.getParameterTypes()[0] == field.getType()) {
                return m;
            }
            if (!setter
                    && m.getParameterCount() == 0
                    && m.getReturnType() == field.getType()
                    && (method.equals("get" + name)
                            || method.equals("is" + name)
                            || method.equals(name))) {
                return m;
            }
        }
        return null;
    }

    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
