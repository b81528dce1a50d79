package dev.brook.api.java.typeutils;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules that decide whether a class is a POJO, i.e. can be serialized field by field and
 * addressed by field names:
 *
 * <ul>
 *   <li>the class is public and, if nested, static; it is not abstract;
 *   <li>it has a public no-argument constructor;
 *   <li>every non-static, non-transient field, including inherited ones, is public or has a public
 *       getter ({@code getX()}, {@code isX()} or {@code x()}) and a public setter ({@code
 *       setX(..)}) of the field's type; no field hides a field of a superclass;
 *   <li>it has at least one such field.
 * </ul>
 *
 * <p>A public record whose components are all of supported types is a POJO too; it is created
 * through its canonical constructor instead.
 */
final class PojoRules {

    private PojoRules() {}

    /** The reasons why {@code c} is not a POJO; empty if it is one. */
    static List<String> violations(Class<?> c) {
        List<String> reasons = new ArrayList<>();
        if (!Modifier.isPublic(c.getModifiers())) {
            reasons.add("the class is not public");
        }
        if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            reasons.add("it is a non-static inner class (declare it static)");
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            reasons.add("it is abstract");
        }
        if (c.isRecord()) {
            if (c.getRecordComponents().length == 0) {
                reasons.add("it has no components");
            }
            return reasons;
        }
        try {
            if (!Modifier.isPublic(c.getConstructor().getModifiers())) {
                reasons.add("it has no public no-argument constructor");
            }
        } catch (NoSuchMethodException e) {
            reasons.add("it has no public no-argument constructor");
        }
        List<Field> fields = new ArrayList<>();
        Map<String, Class<?>> declaredBy = new HashMap<>();
        for (Field f : instanceFields(c)) {
            Class<?> previous = declaredBy.put(f.getName(), f.getDeclaringClass());
            if (previous != null) {
                reasons.add(
                        "field '"
                                + f.getName()
                                + "' is declared in both "
                                + previous.getName()
                                + " and "
                                + f.getDeclaringClass().getName());
            }
            fields.add(f);
        }
        if (fields.isEmpty()) {
            reasons.add("it has no fields");
        }
        for (Field f : fields) {
            if (!Modifier.isPublic(f.getModifiers()) && !hasGetterAndSetter(c, f)) {
                reasons.add(
                        "field '"
                                + f.getName()
                                + "' is not public and has no public getter and setter");
            }
        }
        return reasons;
    }

    /** The fields a POJO is made of: record components, or non-static non-transient fields. */
    static List<Field> instanceFields(Class<?> c) {
        List<Field> fields = new ArrayList<>();
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                try {
                    fields.add(c.getDeclaredField(component.getName()));
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(
                            "Record component '" + component.getName() + "' has no field", e);
                }
            }
            return fields;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int modifiers = f.getModifiers();
                if (!Modifier.isStatic(modifiers)
                        && !Modifier.isTransient(modifiers)
                        && !f.isSynthetic()) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static boolean hasGetterAndSetter(Class<?> c, Field f) {
        String name = f.getName().toLowerCase(Locale.ROOT);
        boolean getter = false;
        boolean setter = false;
        for (Method m : c.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String method = m.getName().toLowerCase(Locale.ROOT);
            if (m.getParameterCount() == 0
                    && m.getReturnType() == f.getType()
                    && (method.equals("get" + name)
                            || method.equals("is" + name)
                            || method.equals(name))) {
                getter = true;
            } else if (m.getParameterCount() == 1
                    && method.equals("set" + name)
                    && m.getParameterTypes()[0] == f.getType()
                    && (m.getReturnType() == void.class || m.getReturnType() == c)) {
                setter = true;
            }
        }
        return getter && setter;
    }
}
