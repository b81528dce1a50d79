package dev.brook.api.java.typeutils;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolution of generic types through class hierarchies: which type arguments a class passes to one
 * of its supertypes, and substitution of type variables by what they stand for.
 *
 * <p>Example: for {@code class Tokenizer extends RichFlatMapFunction<String, Tuple2<String,
 * Integer>>} and base type {@code FlatMapFunction<IN, OUT>}, {@link #typeArgumentsOf} follows
 * {@code RichFlatMapFunction<IN, OUT> implements FlatMapFunction<IN, OUT>} and answers {@code
 * [String, Tuple2<String, Integer>]}. Type variables that nothing binds stay in the result.
 */
final class GenericTypes {

    private GenericTypes() {}

    /** The class a type erases to. */
    static Class<?> rawClass(Type type) {
        if (type instanceof Class) {
            return (Class<?>) type;
        } else if (type instanceof ParameterizedType) {
            return (Class<?>) ((ParameterizedType) type).getRawType();
        } else if (type instanceof GenericArrayType) {
            Class<?> component = rawClass(((GenericArrayType) type).getGenericComponentType());
            return component.arrayType();
        } else if (type instanceof TypeVariable) {
            Type[] bounds = ((TypeVariable<?>) type).getBounds();
            return bounds.length == 0 ? Object.class : rawClass(bounds[0]);
        } else if (type instanceof WildcardType) {
            Type[] upper = ((WildcardType) type).getUpperBounds();
            return upper.length == 0 ? Object.class : rawClass(upper[0]);
        }
        return Object.class;
    }

    /**
     * The type arguments that {@code start} (a class or parameterized type) passes to {@code base},
     * expressed in the type variables of {@code start} where they are not concrete; null if {@code
     * start} is not a subtype of {@code base}. If {@code base} is reached as a raw type (for
     * example by a lambda class), the answer is {@code base}'s own type variables.
     */
    static Type[] typeArgumentsOf(Type start, Class<?> base) {
        Class<?> raw = rawClass(start);
        if (!base.isAssignableFrom(raw)) {
            return null;
        }
        return search(start, base);
    }

    private static Type[] search(Type type, Class<?> base) {
        Class<?> raw = rawClass(type);
        if (raw == base) {
            if (type instanceof ParameterizedType) {
                return ((ParameterizedType) type).getActualTypeArguments();
            }
            return raw.getTypeParameters();
        }
        Map<TypeVariable<?>, Type> bindings = bindingsOf(type);
        List<Type> supertypes = new ArrayList<>();
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(raw.getGenericSuperclass());
        }
        supertypes.addAll(Arrays.asList(raw.getGenericInterfaces()));
        for (Type supertype : supertypes) {
            if (base.isAssignableFrom(rawClass(supertype))) {
                Type[] found = search(substitute(supertype, bindings), base);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The type arguments of a parameterized type by the type variables they bind. */
    static Map<TypeVariable<?>, Type> bindingsOf(Type type) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            TypeVariable<?>[] variables = rawClass(p).getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length && i < arguments.length; i++) {
                bindings.put(variables[i], arguments[i]);
            }
        }
        return bindings;
    }

    /** {@code type} with the bound type variables replaced; unbound variables stay. */
    static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (bindings.isEmpty() || type instanceof Class) {
            return type;
        }
        if (type instanceof TypeVariable) {
            Type bound = bindings.get(type);
            return bound != null ? bound : type;
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Type[] arguments = p.getActualTypeArguments().clone();
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = substitute(arguments[i], bindings);
            }
            Type owner = p.getOwnerType() == null ? null : substitute(p.getOwnerType(), bindings);
            return new ParameterizedTypeImpl((Class<?>) p.getRawType(), arguments, owner);
        }
        if (type instanceof GenericArrayType) {
            Type component =
                    substitute(((GenericArrayType) type).getGenericComponentType(), bindings);
            return component instanceof Class
                    ? Array.newInstance((Class<?>) component, 0).getClass()
                    : new GenericArrayTypeImpl(component);
        }
        if (type instanceof WildcardType) {
            WildcardType w = (WildcardType) type;
            return new WildcardTypeImpl(
                    substituteAll(w.getUpperBounds(), bindings),
                    substituteAll(w.getLowerBounds(), bindings));
        }
        return type;
    }

    private static Type[] substituteAll(Type[] types, Map<TypeVariable<?>, Type> bindings) {
        Type[] result = types.clone();
        for (int i = 0; i < result.length; i++) {
            result[i] = substitute(result[i], bindings);
        }
        return result;
    }

    /** True if {@code type} mentions no type variable outside {@code bound}. */
    static boolean isResolved(Type type, Map<TypeVariable<?>, ?> bound) {
        if (type instanceof Class) {
            return true;
        } else if (type instanceof TypeVariable) {
            return bound.containsKey(type);
        } else if (type instanceof ParameterizedType) {
            for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
                if (!isResolved(argument, bound)) {
                    return false;
                }
            }
            return true;
        } else if (type instanceof GenericArrayType) {
            return isResolved(((GenericArrayType) type).getGenericComponentType(), bound);
        } else if (type instanceof WildcardType) {
            for (Type upper : ((WildcardType) type).getUpperBounds()) {
                if (!isResolved(upper, bound)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The positions of type arguments leading from {@code type} to {@code variable}: empty if
     * {@code type} is the variable, {@code [1, 0]} for {@code variable} in {@code Map<K,
     * List<variable>>}; null if it does not occur.
     */
    static int[] pathTo(Type type, TypeVariable<?> variable) {
        if (variable.equals(type)) {
            return new int[0];
        }
        if (type instanceof ParameterizedType) {
            Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                int[] rest = pathTo(arguments[i], variable);
                if (rest != null) {
                    int[] path = new int[rest.length + 1];
                    path[0] = i;
                    System.arraycopy(rest, 0, path, 1, rest.length);
                    return path;
                }
            }
        }
        return null;
    }

    /** The type found by following {@code path} into {@code type}, or null if it was erased. */
    static Type follow(Type type, int[] path) {
        for (int step : path) {
            if (!(type instanceof ParameterizedType)) {
                return null;
            }
            type = ((ParameterizedType) type).getActualTypeArguments()[step];
        }
        return type;
    }

    private static String typeName(Type type) {
        return type instanceof Class ? ((Class<?>) type).getName() : type.toString();
    }

    /** A parameterized type built by substitution. */
    static final class ParameterizedTypeImpl implements ParameterizedType {

        private final Class<?> raw;
        private final Type[] arguments;
        private final Type owner;

        ParameterizedTypeImpl(Class<?> raw, Type[] arguments, Type owner) {
            this.raw = raw;
            this.arguments = arguments;
            this.owner = owner;
        }

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public boolean equals(Object obj) {
            if (!(obj instanceof ParameterizedType)) {
                return false;
            }
            ParameterizedType other = (ParameterizedType) obj;
            return raw.equals(other.getRawType())
                    && Objects.equals(owner, other.getOwnerType())
                    && Arrays.equals(arguments, other.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            // Same formula as the JDK's implementation, so mixed instances hash alike.
            return Arrays.hashCode(arguments) ^ Objects.hashCode(owner) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(raw.getName()).append('<');
            for (int i = 0; i < arguments.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(typeName(arguments[i]));
            }
            return sb.append('>').toString();
        }
    }

    /** A generic array type built by substitution. */
    static final class GenericArrayTypeImpl implements GenericArrayType {

        private final Type component;

        GenericArrayTypeImpl(Type component) {
            this.component = component;
        }

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof GenericArrayType
                    && component.equals(((GenericArrayType) obj).getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return component.hashCode();
        }

        @Override
        public String toString() {
            return typeName(component) + "[]";
        }
    }

    /** A wildcard type built by substitution. */
    static final class WildcardTypeImpl implements WildcardType {

        private final Type[] upper;
        private final Type[] lower;

        WildcardTypeImpl(Type[] upper, Type[] lower) {
            this.upper = upper;
            this.lower = lower;
        }

        @Override
        public Type[] getUpperBounds() {
            return upper.clone();
        }

        @Override
        public Type[] getLowerBounds() {
            return lower.clone();
        }

        @Override
        public boolean equals(Object obj) {
            if (!(obj instanceof WildcardType)) {
                return false;
            }
            WildcardType other = (WildcardType) obj;
            return Arrays.equals(upper, other.getUpperBounds())
                    && Arrays.equals(lower, other.getLowerBounds());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(upper) ^ Arrays.hashCode(lower);
        }

        @Override
        public String toString() {
            if (lower.length > 0) {
                return "? super " + typeName(lower[0]);
            }
            return upper.length == 0 || upper[0] == Object.class
                    ? "?"
                    : "? extends " + typeName(upper[0]);
        }
    }
}
