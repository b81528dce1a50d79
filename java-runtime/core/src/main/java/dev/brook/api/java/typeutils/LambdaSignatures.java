package dev.brook.api.java.typeutils;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Recovers what Java keeps of a lambda's or method reference's types.
 *
 * <p>The class of a lambda implements its functional interface raw, so its generic signature says
 * nothing. A serializable lambda (Brook's function interfaces extend {@code Serializable}) can
 * however be asked for its {@link SerializedLambda}, which names
 *
 * <ul>
 *   <li>the <em>instantiated method type</em>: the erased types of the functional method as
 *       instantiated at the call site, e.g. {@code (String) -> Integer} for {@code s -> s.length()}
 *       passed as a {@code MapFunction<String, Integer>};
 *   <li>the <em>implementation method</em>: for a lambda a synthetic method with erased types, but
 *       for a method reference the referenced method, whose generic signature is complete (e.g.
 *       {@code Tuple2<String, Integer> parse(String)}).
 * </ul>
 *
 * <p>Combining both gives the erased class of a lambda's result, and the full generic type of a
 * method reference's result or {@code Collector} argument. Types that neither keeps (a lambda's
 * {@code Collector<OUT>} argument, type arguments of a lambda's result) stay unknown and become
 * dynamic types.
 */
final class LambdaSignatures {

    private LambdaSignatures() {}

    /**
     * The type that {@code function}, a lambda or method reference, uses for type argument {@code
     * index} of {@code baseType}; null if the function is not a serializable lambda or the type was
     * erased. The result may contain type variables of a generic referenced method.
     */
    static Type typeArgument(Object function, Class<?> baseType, int index) {
        SerializedLambda lambda = serializedLambda(function);
        if (lambda == null) {
            return null;
        }
        ClassLoader loader = function.getClass().getClassLoader();
        try {
            Class<?> functionalInterface = load(lambda.getFunctionalInterfaceClass(), loader);
            Method sam =
                    findMethod(
                            functionalInterface,
                            lambda.getFunctionalInterfaceMethodName(),
                            lambda.getFunctionalInterfaceMethodSignature());
            if (sam == null || !baseType.isAssignableFrom(sam.getDeclaringClass())) {
                return null;
            }
            Type[] arguments = GenericTypes.typeArgumentsOf(sam.getDeclaringClass(), baseType);
            if (arguments == null || !(arguments[index] instanceof TypeVariable)) {
                return null;
            }
            TypeVariable<?> variable = (TypeVariable<?>) arguments[index];
            MethodType instantiated =
                    MethodType.fromMethodDescriptorString(
                            lambda.getInstantiatedMethodType(), loader);

            int[] path = GenericTypes.pathTo(sam.getGenericReturnType(), variable);
            if (path != null) {
                Type implType = implementationReturnType(lambda, loader);
                return refine(implType, path, instantiated.returnType());
            }
            Type[] samParameters = sam.getGenericParameterTypes();
            for (int k = 0; k < samParameters.length; k++) {
                path = GenericTypes.pathTo(samParameters[k], variable);
                if (path != null) {
                    Type implType =
                            implementationParameterType(lambda, loader, k, samParameters.length);
                    return refine(implType, path, instantiated.parameterType(k));
                }
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Anything unexpected about the lambda only costs precision: its type becomes dynamic.
            return null;
        }
    }

    /**
     * Picks the better of the implementation's generic type (followed along {@code path}) and the
     * erased instantiated class (which applies only where the path is empty).
     */
    private static Type refine(Type implType, int[] path, Class<?> instantiatedClass) {
        Type followed = implType == null ? null : GenericTypes.follow(implType, path);
        if (path.length > 0) {
            return followed;
        }
        Class<?> instantiated = box(instantiatedClass);
        if (followed instanceof ParameterizedType || followed instanceof GenericArrayType) {
            return followed;
        }
        if (followed instanceof Class) {
            Class<?> implClass = box((Class<?>) followed);
            return instantiated.isAssignableFrom(implClass) ? implClass : instantiated;
        }
        return instantiated;
    }

    private static Class<?> box(Class<?> c) {
        return MethodType.methodType(c).wrap().returnType();
    }

    /** The lambda's serialized form, or null if it has none (not a serializable lambda). */
    static SerializedLambda serializedLambda(Object function) {
        Class<?> c = function.getClass();
        if (!isLambdaClass(c)) {
            return null;
        }
        try {
            Method writeReplace = c.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replacement = writeReplace.invoke(function);
            return replacement instanceof SerializedLambda ? (SerializedLambda) replacement : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // No writeReplace: the lambda is not serializable, so no signature is recorded.
            return null;
        }
    }

    private static Type implementationReturnType(SerializedLambda lambda, ClassLoader loader)
            throws ClassNotFoundException {
        Class<?> implClass = load(lambda.getImplClass(), loader);
        if (lambda.getImplMethodKind() == MethodHandleInfo.REF_newInvokeSpecial) {
            return implClass;
        }
        Method method =
                findMethod(implClass, lambda.getImplMethodName(), lambda.getImplMethodSignature());
        return method == null ? null : method.getGenericReturnType();
    }

    /**
     * The type of the implementation parameter that receives functional parameter {@code k}.
     * Captured values come first in the implementation's parameters, and an instance method
     * reference receives its target as the first functional parameter.
     */
    private static Type implementationParameterType(
            SerializedLambda lambda, ClassLoader loader, int k, int functionalParameterCount)
            throws ClassNotFoundException {
        Class<?> implClass = load(lambda.getImplClass(), loader);
        int kind = lambda.getImplMethodKind();
        Executable executable =
                kind == MethodHandleInfo.REF_newInvokeSpecial
                        ? findConstructor(implClass, lambda.getImplMethodSignature())
                        : findMethod(
                                implClass,
                                lambda.getImplMethodName(),
                                lambda.getImplMethodSignature());
        if (executable == null) {
            return null;
        }
        Type[] generic = executable.getGenericParameterTypes();
        if (generic.length != executable.getParameterCount()) {
            // Constructors of inner classes may leave the outer instance out of the generic list.
            generic = executable.getParameterTypes();
        }
        boolean receiverFirst =
                kind == MethodHandleInfo.REF_invokeVirtual
                        || kind == MethodHandleInfo.REF_invokeInterface
                        || kind == MethodHandleInfo.REF_invokeSpecial;
        int total = generic.length + (receiverFirst ? 1 : 0);
        int position = total - functionalParameterCount + k;
        if (position < 0) {
            return null;
        }
        if (receiverFirst) {
            return position == 0 ? implClass : generic[position - 1];
        }
        return generic[position];
    }

    private static Class<?> load(String internalName, ClassLoader loader)
            throws ClassNotFoundException {
        return Class.forName(internalName.replace('/', '.'), false, loader);
    }

    /** The method with this name and descriptor declared by {@code c} or a supertype. */
    private static Method findMethod(Class<?> c, String name, String descriptor) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(c);
        while (!pending.isEmpty()) {
            Class<?> current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            for (Method m : current.getDeclaredMethods()) {
                if (m.getName().equals(name)
                        && !m.isBridge()
                        && descriptorOf(m.getReturnType(), m.getParameterTypes())
                                .equals(descriptor)) {
                    return m;
                }
            }
            if (current.getSuperclass() != null) {
                pending.add(current.getSuperclass());
            }
            pending.addAll(Arrays.asList(current.getInterfaces()));
        }
        return null;
    }

    private static Constructor<?> findConstructor(Class<?> c, String descriptor) {
        for (Constructor<?> constructor : c.getDeclaredConstructors()) {
            if (descriptorOf(void.class, constructor.getParameterTypes()).equals(descriptor)) {
                return constructor;
            }
        }
        return null;
    }

    private static String descriptorOf(Class<?> returnType, Class<?>[] parameterTypes) {
        return MethodType.methodType(returnType, parameterTypes).toMethodDescriptorString();
    }

    /** True if {@code c} is the class of a lambda or method reference. */
    static boolean isLambdaClass(Class<?> c) {
        return c.isSynthetic() || c.isHidden();
    }
}
