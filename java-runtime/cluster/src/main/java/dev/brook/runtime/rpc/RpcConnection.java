package dev.brook.runtime.rpc;

import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bidirectional RPC connection between two Brook processes, carried by one gRPC stream. Either
 * side calls the other's endpoints through proxies of gateway interfaces ({@link #gateway}); calls
 * are delivered in the order they were sent, which keeps e.g. a task's state reports in order.
 *
 * <p>Objects implementing one of the {@code exported} interfaces travel by reference: the receiver
 * gets a proxy that calls back over this connection. That is how a TaskManager hands the JobManager
 * its gateway at registration, and how the JobMaster hands tasks its own.
 *
 * <p>Methods returning a {@link CompletableFuture} are answered when the future completes; void
 * methods are one-way; any other return type blocks the caller for the answer (never call one from
 * an endpoint method, which runs on the connection's delivery thread). When the stream breaks,
 * pending calls fail with {@link RpcConnectionException} and the close listeners run.
 *
 * <p>Threading model: sends are serialized on the stream's monitor; deliveries come one at a time
 * from gRPC.
 */
public final class RpcConnection {

    private static final Logger LOG = LoggerFactory.getLogger(RpcConnection.class);

    /** How long a blocking call waits for its answer. */
    private static final long BLOCKING_CALL_TIMEOUT_MS = 10_000;

    private static final ThreadLocal<RpcConnection> CURRENT = new ThreadLocal<>();

    private final String peer;
    private final Map<String, Object> endpoints;
    private final Set<Class<?>> exported;
    private final ClassResolver classResolver;
    private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextCallId = new AtomicLong(1);
    private final Map<Object, String> exportedObjects = new IdentityHashMap<>();
    private final Map<String, Object> exportedByName = new ConcurrentHashMap<>();
    private final List<Consumer<Throwable>> closeListeners = new CopyOnWriteArrayList<>();
    private StreamObserver<byte[]> outbound;
    private volatile Throwable closedCause;

    RpcConnection(
            String peer,
            Map<String, Object> endpoints,
            Set<Class<?>> exported,
            ClassResolver classResolver) {
        this.peer = peer;
        this.endpoints = endpoints;
        this.exported = exported;
        this.classResolver = classResolver;
    }

    void setOutbound(StreamObserver<byte[]> outbound) {
        this.outbound = outbound;
    }

    /**
     * The connection whose call the current thread is executing, or null: lets an endpoint tie what
     * a caller registers to the caller's connection.
     */
    public static RpcConnection current() {
        return CURRENT.get();
    }

    /** The other side, for messages. */
    public String peer() {
        return peer;
    }

    public boolean isOpen() {
        return closedCause == null;
    }

    /** Runs {@code listener} once when the connection closes or breaks (at once if it has). */
    public void onClose(Consumer<Throwable> listener) {
        closeListeners.add(listener);
        Throwable cause = closedCause;
        if (cause != null && closeListeners.remove(listener)) {
            listener.accept(cause);
        }
    }

    /** A proxy calling the peer's endpoint {@code endpoint}. */
    public <T> T gateway(String endpoint, Class<T> gatewayInterface) {
        return gatewayInterface.cast(
                Proxy.newProxyInstance(
                        gatewayInterface.getClassLoader(),
                        new Class<?>[] {gatewayInterface},
                        new RemoteInvocationHandler(endpoint, null)));
    }

    /** Closes the connection; pending calls fail. */
    public void close() {
        synchronized (this) {
            if (closedCause == null) {
                try {
                    outbound.onCompleted();
                } catch (RuntimeException e) {
                    LOG.debug("Closing the connection to {} failed", peer, e);
                }
            }
        }
        closed(new RpcConnectionException("The connection to " + peer + " was closed", null));
    }

    // ------------------------------------------------------------------ inbound

    void onMessage(byte[] bytes) {
        RpcMessage message;
        try {
            message = (RpcMessage) decode(bytes);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.error("Dropping an unreadable RPC message from {}", peer, e);
            return;
        }
        if (message instanceof RpcMessage.Response r) {
            CompletableFuture<Object> future = pending.remove(r.callId());
            if (future != null) {
                if (r.error() != null) {
                    future.completeExceptionally(r.error());
                } else {
                    future.complete(r.value());
                }
            }
        } else if (message instanceof RpcMessage.Invocation call) {
            invoke(call);
        }
    }

    private void invoke(RpcMessage.Invocation call) {
        Object target = endpoints.get(call.endpoint());
        if (target == null) {
            target = exportedByName.get(call.endpoint());
        }
        Object result;
        try {
            if (target == null) {
                throw new IllegalStateException(
                        "No endpoint '" + call.endpoint() + "' here (it was shut down)");
            }
            Method method = findMethod(target.getClass(), call);
            CURRENT.set(this);
            try {
                result = method.invoke(target, call.args());
            } finally {
                CURRENT.remove();
            }
        } catch (InvocationTargetException e) {
            answer(call, null, e.getCause());
            return;
        } catch (ReflectiveOperationException | RuntimeException e) {
            answer(call, null, e);
            return;
        }
        if (call.callId() == 0) {
            return;
        }
        if (result instanceof CompletableFuture<?> future) {
            future.whenComplete(
                    (value, error) ->
                            answer(call, value, error == null ? null : unwrapCompletion(error)));
        } else {
            answer(call, result, null);
        }
    }

    private static Throwable unwrapCompletion(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null
                ? t.getCause()
                : t;
    }

    /**
     * The called method, looked up on the target's public interfaces first (an endpoint class need
     * not be public), then on the class.
     */
    private static Method findMethod(Class<?> type, RpcMessage.Invocation call)
            throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> iface : c.getInterfaces()) {
                Method m = match(iface.getMethods(), call);
                if (m != null) {
                    return m;
                }
            }
        }
        Method m = match(type.getMethods(), call);
        if (m == null) {
            throw new NoSuchMethodException(type.getName() + "." + call.method());
        }
        return m;
    }

    private static Method match(Method[] methods, RpcMessage.Invocation call) {
        for (Method m : methods) {
            if (m.getName().equals(call.method())
                    && m.getParameterCount() == call.parameterTypes().length) {
                Class<?>[] params = m.getParameterTypes();
                boolean match = true;
                for (int i = 0; i < params.length && match; i++) {
                    match = params[i].getName().equals(call.parameterTypes()[i]);
                }
                if (match) {
                    return m;
                }
            }
        }
        return null;
    }

    private void answer(RpcMessage.Invocation call, Object value, Throwable error) {
        if (call.callId() == 0) {
            if (error != null) {
                LOG.warn(
                        "One-way call {}.{} from {} failed",
                        call.endpoint(),
                        call.method(),
                        peer,
                        error);
            }
            return;
        }
        try {
            send(new RpcMessage.Response(call.callId(), value, error));
        } catch (IOException e) {
            LOG.debug("Could not answer {} on {}", call.method(), peer, e);
        }
    }

    /** The stream ended or broke: every pending call fails, the listeners learn it. */
    void closed(Throwable cause) {
        synchronized (this) {
            if (closedCause != null) {
                return;
            }
            closedCause =
                    cause instanceof RpcConnectionException
                            ? cause
                            : new RpcConnectionException(
                                    "The connection to " + peer + " broke: " + cause, cause);
        }
        for (CompletableFuture<Object> f : pending.values()) {
            f.completeExceptionally(closedCause);
        }
        pending.clear();
        for (Consumer<Throwable> l : closeListeners) {
            if (closeListeners.remove(l)) {
                try {
                    l.accept(closedCause);
                } catch (RuntimeException e) {
                    LOG.warn("A close listener of the connection to {} failed", peer, e);
                }
            }
        }
    }

    // ------------------------------------------------------------------ outbound

    private void send(RpcMessage message) throws IOException {
        byte[] bytes = encode(message);
        synchronized (this) {
            if (closedCause != null) {
                throw new RpcConnectionException(
                        "The connection to " + peer + " is closed", closedCause);
            }
            outbound.onNext(bytes);
        }
    }

    private final class RemoteInvocationHandler implements InvocationHandler {
        private final String endpoint;
        private final RemoteRef ref;

        RemoteInvocationHandler(String endpoint, RemoteRef ref) {
            this.endpoint = endpoint;
            this.ref = ref;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return "remote " + endpoint + " at " + peer;
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    break;
                case "getLocation":
                    if (ref != null && ref.location() != null && method.getParameterCount() == 0) {
                        return ref.location();
                    }
                    break;
                default:
                    break;
            }
            Class<?>[] types = method.getParameterTypes();
            String[] typeNames = new String[types.length];
            for (int i = 0; i < types.length; i++) {
                typeNames[i] = types[i].getName();
            }
            Object[] callArgs = args == null ? new Object[0] : args;
            Class<?> returnType = method.getReturnType();
            if (returnType == void.class) {
                try {
                    send(
                            new RpcMessage.Invocation(
                                    0, endpoint, method.getName(), typeNames, callArgs));
                } catch (IOException e) {
                    // One-way: the peer is gone; the close listeners deal with that.
                    LOG.debug("One-way call {} to {} dropped", method.getName(), peer, e);
                }
                return null;
            }
            long id = nextCallId.getAndIncrement();
            CompletableFuture<Object> future = new CompletableFuture<>();
            pending.put(id, future);
            try {
                send(
                        new RpcMessage.Invocation(
                                id, endpoint, method.getName(), typeNames, callArgs));
            } catch (IOException e) {
                pending.remove(id);
                future.completeExceptionally(e);
            }
            if (CompletableFuture.class.isAssignableFrom(returnType)) {
                return future;
            }
            Throwable failure;
            try {
                return future.get(BLOCKING_CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (TimeoutException e) {
                pending.remove(id);
                failure =
                        new RpcConnectionException(
                                "No answer from "
                                        + peer
                                        + " to "
                                        + method.getName()
                                        + " within "
                                        + BLOCKING_CALL_TIMEOUT_MS
                                        + " ms",
                                e);
            }
            throw declaredOrUnchecked(method, failure);
        }

        /** Checked exceptions the method does not declare travel unchecked. */
        private Throwable declaredOrUnchecked(Method method, Throwable failure) {
            if (failure instanceof RuntimeException || failure instanceof Error) {
                return failure;
            }
            for (Class<?> declared : method.getExceptionTypes()) {
                if (declared.isInstance(failure)) {
                    return failure;
                }
            }
            return failure instanceof IOException io
                    ? new UncheckedIOException(io.getMessage(), io)
                    : new java.util.concurrent.CompletionException(failure);
        }
    }

    // ------------------------------------------------------------------ serialization

    private byte[] encode(Object message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new ReferenceReplacingOutputStream(bytes)) {
            out.writeObject(message);
        }
        return bytes.toByteArray();
    }

    private Object decode(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in =
                new ReferenceResolvingInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private RemoteRef export(Object object, Class<?> gatewayInterface) {
        String name;
        synchronized (exportedObjects) {
            name = exportedObjects.get(object);
            if (name == null) {
                name = gatewayInterface.getSimpleName() + "-" + nextCallId.getAndIncrement();
                exportedObjects.put(object, name);
                exportedByName.put(name, object);
            }
        }
        Serializable location = null;
        try {
            Method getLocation = gatewayInterface.getMethod("getLocation");
            if (getLocation.getReturnType() != void.class) {
                location = (Serializable) getLocation.invoke(object);
            }
        } catch (NoSuchMethodException e) {
            // no location to carry along
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Cannot export " + object, e);
        }
        return new RemoteRef(name, gatewayInterface.getName(), location);
    }

    private final class ReferenceReplacingOutputStream extends ObjectOutputStream {
        ReferenceReplacingOutputStream(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj == null || obj instanceof Serializable && !isExportable(obj)) {
                return obj;
            }
            if (Proxy.isProxyClass(obj.getClass())
                    && Proxy.getInvocationHandler(obj) instanceof RemoteInvocationHandler h
                    && h.ref != null) {
                return h.ref; // handing the peer back its own object
            }
            for (Class<?> iface : exported) {
                if (iface.isInstance(obj)) {
                    return export(obj, iface);
                }
            }
            return obj;
        }

        private boolean isExportable(Object obj) {
            for (Class<?> iface : exported) {
                if (iface.isInstance(obj)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final class ReferenceResolvingInputStream extends ObjectInputStream {
        ReferenceResolvingInputStream(InputStream in) throws IOException {
            super(in);
            enableResolveObject(true);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
            try {
                return classResolver.resolve(desc.getName());
            } catch (ClassNotFoundException e) {
                try {
                    return super.resolveClass(desc); // primitives and arrays of them
                } catch (IOException | ClassNotFoundException e2) {
                    throw e;
                }
            }
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            if (obj instanceof RemoteRef ref) {
                Object local = exportedByName.get(ref.endpoint());
                if (local != null) {
                    return local; // our own object, coming back
                }
                Class<?> iface;
                try {
                    iface = classResolver.resolve(ref.gatewayInterface());
                } catch (ClassNotFoundException e) {
                    throw new IOException("Unknown gateway " + ref.gatewayInterface(), e);
                }
                return Proxy.newProxyInstance(
                        iface.getClassLoader(),
                        new Class<?>[] {iface},
                        new RemoteInvocationHandler(ref.endpoint(), ref));
            }
            return obj;
        }
    }
}
